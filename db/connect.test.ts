import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { c as createTar } from "tar";
import { afterEach, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { openPglite } from "./connect";

describe("a new embedded database folder", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rd-connect-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("starts from the template, leaves nothing beside it, and keeps its data when reopened", async () => {
    const folder = path.join(dir, "pglite");
    // The template is used, not set aside for initdb (which would say so on the console).
    const warn = vi.spyOn(console, "warn");
    const first = await openPglite(folder, { template: inject("pgliteTemplate") });
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    await first.pglite!.exec("create table kept (n int); insert into kept values (7)");
    await first.close();
    expect(fs.readdirSync(dir)).toEqual(["pglite"]);

    const again = await openPglite(folder, { template: inject("pgliteTemplate") });
    expect((await again.pglite!.query("select n from kept")).rows).toEqual([{ n: 7 }]);
    await again.close();
  });

  it("makes the database again when a start was killed while making it", async () => {
    const folder = path.join(dir, "pglite");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "PG_VERSION"), "18\n");
    fs.writeFileSync(`${folder}.creating`, "");
    const opened = await openPglite(folder, { template: inject("pgliteTemplate") });
    expect((await opened.pglite!.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
    await opened.close();
    expect(fs.readdirSync(dir)).toEqual(["pglite"]);
  });

  it("runs initdb when the template is damaged, cut short or holds no cluster, and says so", async () => {
    const damaged = path.join(dir, "damaged.tar.gz");
    fs.writeFileSync(damaged, "not a tarball");
    const cut = path.join(dir, "cut.tar");
    const whole = fs.readFileSync(inject("pgliteTemplate"));
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const foreign = path.join(dir, "foreign.tar.gz");
    fs.writeFileSync(path.join(dir, "notes.txt"), "not a database");
    createTar({ gzip: true, file: foreign, cwd: dir, sync: true }, ["notes.txt"]);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      for (const template of [damaged, cut, foreign]) {
        const folder = path.join(dir, `pglite-${path.basename(template).split(".")[0]}`);
        const opened = await openPglite(folder, { template });
        expect((await opened.pglite!.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
        await opened.close();
        expect(fs.existsSync(path.join(folder, "notes.txt")), template).toBe(false);
        expect(fs.existsSync(`${folder}.creating`), template).toBe(false);
      }
      expect(warn).toHaveBeenCalledTimes(3);
    } finally {
      warn.mockRestore();
    }
  });

  it("refuses a folder that holds files but no database, rather than overwrite it", async () => {
    const folder = path.join(dir, "pglite");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "notes.txt"), "mine");
    await expect(openPglite(folder, { template: inject("pgliteTemplate") })).rejects.toThrow(/holds files but no database/);
    expect(fs.readFileSync(path.join(folder, "notes.txt"), "utf8")).toBe("mine");
  });
});
