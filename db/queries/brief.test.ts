import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMetricBreak } from "@/db/commands/metrics";
import { createBlock } from "@/db/commands/blocks";
import { createQuote } from "@/db/commands/quotes";
import { saveValue } from "@/db/commands/values";
import { openYear } from "@/db/commands/years";
import { briefToDocx } from "@/lib/brief/docx";
import { briefToMarkdown } from "@/lib/brief/markdown";
import type { Brief } from "@/lib/brief/model";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import { loadBrief } from "./brief";

describe.each(engines)("the brief of changes on %s", (engine) => {
  let t: TestDatabase;
  let brief: Brief;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const editor = await createActor(t, "editor", "Edith Editor");
    const admin = await createActor(t, "admin", "Ada Admin");
    await openYear(t.db, 2079, editor);
    await openYear(t.db, 2080, editor);
    const save = (year: number, key: string, fields: Record<string, unknown>) => saveValue(t.db, year, key, fields, editor);
    await save(2079, "peacekeepers_total", { value: 70000, source: "Fact sheet 2079" });
    await save(2080, "peacekeepers_total", { value: 71000, qualifier: "over", source: "Fact sheet 2080" });
    await save(2079, "peace_operations", { value: 12 });
    await save(2080, "car_circles_of_peace", { value: 5, source: "Mission report" });
    await save(2079, "grave_violations_verified", { value: 10000 });
    await save(2080, "grave_violations_verified", { value: 20000 });
    await save(2079, "pda_national", { value: 40 });
    await save(2080, "pda_national", { value: 40 });
    await addMetricBreak(t.db, "grave_violations_verified", { year: 2080, note: "Monitored and reported, not only verified" }, admin);
    const quote = (year: number, speaker: string, text: string) =>
      createQuote(t.db, year, { speaker, title: "Under-Secretary-General", section: "peacekeeping", text }, editor);
    await quote(2079, "Jean Example", "We kept the peace in many places.");
    await quote(2080, "Jean Example", "We kept the peace in more places.");
    await quote(2080, "Ana *Star*", "New voices <b>matter</b>.");
    const block = (year: number, kind: "heading" | "paragraph", text: string) =>
      createBlock(t.db, year, { kind, section: "peacekeeping", text, attributes: {} }, editor);
    await block(2079, "heading", "Keeping the peace");
    await block(2080, "heading", "Keeping the peace");
    await block(2079, "paragraph", "{{peacekeepers_total}} peacekeepers served in a dozen operations.");
    await block(2080, "paragraph", "{{peacekeepers_total}} peacekeepers served in eleven operations.");
    brief = (await loadBrief(t.db, 2079, 2080)).brief!;
  });
  afterAll(() => t.drop());

  it("says once that a year has no text yet, rather than listing every block of the last edition as removed", async () => {
    await openYear(t.db, 2081, await createActor(t, "editor", "Eli Editor"));
    const text = (await loadBrief(t.db, 2080, 2081)).brief!.sections.find((s) => s.heading === "The chapter's text")!;
    expect(text.entries).toEqual([
      { title: "2081 has no text yet", lines: [{ text: expect.stringContaining("None of the 2 blocks of 2080's chapter is in 2081") }] },
    ]);
  });

  it("answers the missing years instead of a brief", async () => {
    expect(await loadBrief(t.db, 1999, 2080)).toEqual({ missingYears: [1999], brief: null });
  });

  it("lists changed figures with old → new, change, wording, series break and source; appeared and disappeared ones; quotes; unresolved checks last", () => {
    const section = (heading: string) => brief.sections.find((s) => s.heading.startsWith(heading))!;
    expect(section("Figures that changed").entries).toEqual([
      {
        title: "Total peacekeepers (Our peacekeeping work)",
        lines: [
          { text: "70,000 → over 71,000" },
          { label: "Change", text: "+1,000 (+1.4%)" },
          { label: "Wording", text: "exact → over" },
          { label: "Source", text: "Fact sheet 2080" },
        ],
      },
      {
        title: expect.stringContaining("Grave violations"),
        lines: [
          { text: "10,000 → 20,000" },
          { label: "Change", text: "+10,000 (+100.0%)" },
          { label: "Series break", text: expect.stringContaining("Monitored and reported, not only verified") },
        ],
      },
    ]);
    expect(section("Figures that appeared").entries).toEqual([
      {
        title: expect.stringContaining("Circles of peace"),
        lines: [
          { label: "New in 2080", text: "5" },
          { label: "Source", text: "Mission report" },
        ],
      },
    ]);
    expect(section("Figures that disappeared").entries).toEqual([
      { title: "Peace operations (Our peacekeeping work)", lines: [{ label: "Was in 2079", text: "12" }, { text: "No value in 2080" }] },
    ]);
    const quotes = section("Quotes").entries;
    expect(quotes.map((q) => q.title)).toEqual(["Added: Ana *Star*, Under-Secretary-General", "Changed: Jean Example, Under-Secretary-General"]);
    expect(quotes[1]!.lines[0]).toEqual({
      diff: expect.arrayContaining([expect.objectContaining({ value: "many", removed: true }), expect.objectContaining({ value: "more", added: true })]),
    });
    // The heading is the same words; the paragraph's live figure shows another value, which is no change of the text.
    const text = section("The chapter's text").entries;
    expect(text.map((e) => e.title)).toEqual(["Changed: paragraph in Our peacekeeping work"]);
    expect(text[0]!.lines[0]).toEqual({
      diff: expect.arrayContaining([expect.objectContaining({ value: "a dozen", removed: true }), expect.objectContaining({ value: "eleven", added: true })]),
    });
    const checks = brief.sections.at(-1)!;
    expect(checks.heading).toBe("Unresolved checks of 2080");
    expect(checks.entries.some((e) => e.title === "Warning: Peace operations has no value for 2080")).toBe(true);
  });

  it("renders the same model as Markdown, escaping what people typed", () => {
    const md = briefToMarkdown(brief);
    expect(md).toContain("# Changes since the last edition: 2079 → 2080");
    expect(md).toContain("## Figures that changed");
    expect(md).toContain("  - 70,000 → over 71,000");
    expect(md).toContain("  - Series break: Monitored and reported, not only verified");
    expect(md).toContain("We kept the peace in ~~many~~ **more** places\\.");
    expect(md).toContain("Added: Ana \\*Star\\*");
    expect(md).toContain("New voices \\<b\\>matter\\</b\\>\\.");
    expect(md.indexOf("## Unresolved checks of 2080")).toBeGreaterThan(md.indexOf("## Quotes"));
  });

  it("renders it as a Word document that reads back with the same sections and lines", async () => {
    const files = unzipSync(new Uint8Array(await briefToDocx(brief)));
    const xml = strFromU8(files["word/document.xml"]!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    for (const expected of [
      "Changes since the last edition: 2079 → 2080",
      "Figures that changed",
      "70,000 → over 71,000",
      "Series break: ",
      "Monitored and reported, not only verified",
      "Figures that appeared",
      "Figures that disappeared",
      "Unresolved checks of 2080",
      "New voices &lt;b&gt;matter&lt;/b&gt;.",
    ]) {
      expect(text).toContain(expected);
    }
    // The removed word is struck through, the added one bold.
    expect(xml).toMatch(/<w:strike\/>.*?<w:t[^>]*>many<\/w:t>/s);
    expect(xml).toMatch(/<w:b\/>.*?<w:t[^>]*>more<\/w:t>/s);
  });
});
