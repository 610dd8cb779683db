import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBlock } from "@/db/commands/blocks";
import { createQuote } from "@/db/commands/quotes";
import { saveValue } from "@/db/commands/values";
import { openYear } from "@/db/commands/years";
import type { Actor } from "@/lib/auth/actor";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import { yearDownload } from "@/server/export/respond";

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
const converters = has("soffice") && has("pdftotext");
if (!converters) {
  console.warn(
    "docx.test.ts: LibreOffice (soffice) or pdftotext is missing, so the PDF conversion is skipped: apt-get install -y libreoffice-writer-nogui poppler-utils",
  );
}

describe.each(engines)("the chapter as a Word document on %s", (engine) => {
  let t: TestDatabase;
  let editor: Actor;
  const YEAR = 2043;
  let docx: Buffer;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    editor = await createActor(t, "editor", "Edith Editor");
    await openYear(t.db, YEAR, editor);
    await saveValue(t.db, YEAR, "peacekeepers_total", { value: 76_000, qualifier: "over" }, editor);
    await saveValue(t.db, YEAR, "pbf_approved_budget_usd", { value: 203_000_000 }, editor);
    await saveValue(t.db, YEAR, "explosive_items_removed", { value: 257_800, qualifier: "over", wording: "+" }, editor);
    await createBlock(t.db, YEAR, { kind: "heading", section: "peacekeeping", text: "Our peacekeeping work", attributes: {} }, editor);
    await createBlock(
      t.db,
      YEAR,
      { kind: "paragraph", section: "peacekeeping", text: "**{{peacekeepers_total}} peacekeepers** helped to protect civilians every day.", attributes: {} },
      editor,
    );
    await createBlock(
      t.db,
      YEAR,
      {
        kind: "caption",
        section: "peacekeeping",
        text: "A peacekeeper engages with children in Tong.",
        attributes: { place: "Tong", date: "July 2023", credit: "UNMISS/Gregório Cunha" },
      },
      editor,
    );
    await createBlock(
      t.db,
      YEAR,
      {
        kind: "operation",
        section: "peacekeeping",
        text: "",
        attributes: { acronym: "UNMISS", name: "United Nations Mission in South Sudan", type: "peacekeeping" },
      },
      editor,
    );
    await createBlock(
      t.db,
      YEAR,
      { kind: "list_item", section: "rule_of_law", text: "{{explosive_items_removed}} explosive items removed", attributes: {} },
      editor,
    );
    await createQuote(
      t.db,
      YEAR,
      {
        speaker: "Jean-Pierre Lacroix",
        title: "Under-Secretary-General for Peace Operations",
        section: "peacekeeping",
        text: "The goal of peacekeeping is to help parties end conflict.",
      },
      editor,
    );
    const response = await yearDownload(t.db, YEAR, "docx", editor);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="report-desk-${YEAR}.docx"`);
    docx = Buffer.from(await response.arrayBuffer());
  });
  afterAll(() => t.drop());

  it("is a Word package", () => {
    // A .docx is a ZIP whose first entry is [Content_Types].xml.
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    expect(docx.includes(Buffer.from("[Content_Types].xml"))).toBe(true);
  });

  it.runIf(converters && engine === "pglite")(
    "converts to PDF in LibreOffice, with live figures filled in, figures as printed, quotes, captions, operations and the draft notice",
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rd-docx-"));
      try {
        fs.writeFileSync(path.join(dir, "chapter.docx"), docx);
        // Its own profile folder, so a LibreOffice someone has open does not take the job.
        execFileSync(
          "soffice",
          [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, path.join(dir, "chapter.docx")],
          { stdio: "pipe", timeout: 120_000 },
        );
        const text = execFileSync("pdftotext", ["-layout", path.join(dir, "chapter.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
        for (const expected of [
          "Fostering peace and security",
          "Draft",
          "Our peacekeeping work",
          "Over 76,000 peacekeepers helped to protect civilians every day.",
          "(Tong; July 2023) © UNMISS/Gregório Cunha",
          "UNMISS — United Nations Mission in South Sudan (peacekeeping operation)",
          "$203M",
          "257,800+ explosive items removed",
          "“The goal of peacekeeping is to help parties end conflict.”",
          "— Jean-Pierre Lacroix, Under-Secretary-General for Peace Operations",
        ]) {
          expect(text).toContain(expected);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
