import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { openPglite } from "./connect";

describe("a new embedded database folder", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "rd-connect-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("starts from the template, leaves nothing beside it, and keeps its data when reopened", async () => {
    const folder = path.join(dir, "pglite");
    const first = await openPglite(folder, { template: inject("pgliteTemplate") });
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

  it("runs initdb when the template is damaged", async () => {
    const damaged = path.join(dir, "damaged.tar.gz");
    fs.writeFileSync(damaged, "not a tarball");
    const folder = path.join(dir, "pglite");
    const opened = await openPglite(folder, { template: damaged });
    expect((await opened.pglite!.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
    await opened.close();
    expect(fs.readdirSync(dir).sort()).toEqual(["damaged.tar.gz", "pglite"]);
  });

  it("refuses a folder that holds files but no database, rather than overwrite it", async () => {
    const folder = path.join(dir, "pglite");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "notes.txt"), "mine");
    await expect(openPglite(folder, { template: inject("pgliteTemplate") })).rejects.toThrow(/holds files but no database/);
    expect(fs.readFileSync(path.join(folder, "notes.txt"), "utf8")).toBe("mine");
  });
});
