import fs from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBlockHistory, listYearBlocks, type BlockView } from "@/db/queries/blocks";
import { listValueHistory } from "@/db/queries/history";
import { listTextChecks } from "@/db/queries/text-checks";
import { listYearWrittenNumbers } from "@/db/queries/written-numbers";
import { latestSnapshot, findSnapshot } from "@/db/queries/snapshots";
import { findYear, listYearValues } from "@/db/queries/years";
import { parseSnapshotContent } from "@/lib/snapshot/content";
import { quotes } from "@/db/schema";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { seedDatabase } from "./seed";

const SOURCE = fs.readFileSync(path.join(process.cwd(), "db", "seed", "fostering-peace-and-security-2023.txt"), "utf8");

/** The source's text as a reader sees it: no bold markers, "$" unescaped, spaces collapsed. */
const plain = (text: string) => text.replace(/\*\*/g, "").replace(/\\\$/g, "$").replace(/\s+/g, " ").trim();

/**
 * The source, paragraph by paragraph (a paragraph is a run of non-empty lines), sorted into what
 * the desk holds them as: figure boxes (a number, then its label), quotes and their speakers,
 * photo credits, the acronyms table, and prose (headings, paragraphs, list items, captions, notes).
 */
function sourceParagraphs() {
  const paragraphs = SOURCE.split(/\n\s*\n/)
    .map((p) =>
      p
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .filter((p) => p.length > 0);
  const prose: string[] = [];
  const boxes: string[] = [];
  const credits: string[] = [];
  const operations: string[] = [];
  let quoteOpen = false;
  for (let i = 0; i < paragraphs.length; i++) {
    const lines = paragraphs[i]!;
    const first = lines[0]!;
    if (quoteOpen) {
      quoteOpen = false; // the speaker and title after a quote
    } else if (first.startsWith("“")) {
      quoteOpen = true;
    } else if (/^\(.*\)/.test(first) || first.startsWith("©")) {
      credits.push(plain(lines.join(" ")));
    } else if (lines.some((l) => l.includes("\t"))) {
      operations.push(...lines.flatMap((l) => l.split("\t").map((c) => c.trim())).filter(Boolean));
    } else if (/^\\?\$?[\d,.]+(%|M)?$/.test(plain(first))) {
      // A box figure: its label is the rest of this paragraph, or the next paragraph.
      const label = lines.length > 1 ? lines.slice(1) : (paragraphs[++i] ?? []);
      boxes.push(plain([first, ...label].join(" ")));
    } else {
      prose.push(...(first.startsWith("- ") ? lines.map((l) => plain(l.slice(2))) : [plain(lines.join(" "))]));
    }
  }
  return { prose, boxes, credits, operations };
}

describe.each(engines)("the seeded 2023 chapter on %s", (engine) => {
  let t: TestDatabase;
  let blocks: BlockView[];

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    blocks = await listYearBlocks(t.db, 2023);
  });
  afterAll(() => t.drop());

  it("holds every paragraph, heading, list item, note and caption of the source, as printed", () => {
    const { prose } = sourceParagraphs();
    const rendered = new Set(blocks.filter((b) => b.kind !== "operation").map((b) => plain(b.rendered)));
    const operationNotes = new Set(blocks.flatMap((b) => (b.attributes.note ? [plain(`^a ${b.attributes.note}`)] : [])));
    // The document's own title is the chapter's title, not a block; the map's chart legend of the
    // mediation box and the Mozambique note live in the acronyms table and are checked there.
    const missing = prose.filter((p) => p !== "Fostering peace and security" && !rendered.has(p) && !operationNotes.has(p));
    expect(missing).toEqual([]);
    expect(prose.length).toBeGreaterThan(60);
  });

  it("holds the figure boxes as list items, their figures live where the printed figure reads as the source", () => {
    const { boxes } = sourceParagraphs();
    const items = new Set(blocks.filter((b) => b.kind === "list_item").map((b) => plain(b.rendered)));
    expect(boxes.filter((b) => !items.has(b))).toEqual([]);
    expect(boxes).toHaveLength(17);
  });

  it("has the 10 captions with place, date and credit, and the 27 operations with their types and notes", () => {
    const { credits, operations } = sourceParagraphs();
    const captions = blocks.filter((b) => b.kind === "caption");
    expect(captions).toHaveLength(10);
    expect(captions.map((c) => plain(`(${c.attributes.place}; ${c.attributes.date}) © ${c.attributes.credit}`)).sort()).toEqual([...credits].sort());
    const ops = blocks.filter((b) => b.kind === "operation");
    expect(ops).toHaveLength(27);
    for (const op of ops) {
      expect(operations).toContain(op.attributes.acronym);
      expect(operations.some((cell) => plain(cell.replace(/\s*\^a$/, "")) === op.attributes.name)).toBe(true);
    }
    expect(ops.filter((o) => o.attributes.type === "peacekeeping")).toHaveLength(11);
    expect(ops.find((o) => o.attributes.acronym === "UNMIK")!.attributes.note).toContain("resolution 1244 (1999)");
    const mozambique = blocks.find((b) => b.text.includes("Personal Envoy"));
    expect(operations.join(" ")).toContain(mozambique!.text);
  });

  it("prints bold figure phrases as live figures with the report's hedge words", () => {
    const byText = (part: string) => blocks.find((b) => b.text.includes(part))!;
    expect(byText("{{peacekeepers_total}} peacekeepers helped").rendered).toContain("**Over 76,000 peacekeepers helped to protect civilians every day**");
    expect(byText("{{south_sudan_land_cleared_m2}}").rendered).toContain("cleared and verified roughly 5.7 million m² of land");
    expect(byText("{{explosive_items_removed}}").rendered).toBe("257,800+ explosive items removed or destroyed by United Nations mine action programmes");
    expect(byText("{{land_confirmed_safe_km2}}").rendered).toContain("901 km² of land and 121 km of road");
  });

  it("ties the prose's written numbers to the figures they state, leaves the rest untied, and has no failing text check", async () => {
    const numbers = await listYearWrittenNumbers(t.db, 2023);
    const tied = (written: string) => numbers.filter((n) => n.text === written).map((n) => n.metricKey);
    expect(tied("over 400")).toEqual(["council_meetings_supported"]);
    expect(tied("more than 50")).toEqual(["council_resolutions_statements"]);
    expect(tied("over 100")).toEqual(["sanctions_committee_meetings"]);
    expect(tied("over 13,000")).toEqual(["minusma_personnel_withdrawn"]);
    expect(tied("over $200 million")).toEqual(["pbf_allocated_usd"]);
    expect(tied("around 45,000")).toEqual(["cvr_programme_beneficiaries"]);
    expect(tied("over 4.9 million")).toEqual(["mine_risk_awareness_people"]);
    expect(tied("over 70 per cent")).toEqual(["fatalities_explosive_ordnance_pct"]);
    expect(tied("4,600")).toEqual(["serious_crimes_prosecutions"]);
    expect(tied("over 10,600")).toEqual(["children_reintegration_support"]);
    expect(tied("over 33,000")).toEqual(["grave_violations_verified"]);
    expect(tied("five")).toEqual(["hate_speech_country_teams_supported"]);
    // The Council's two field missions, not the caption's "two beekeeping associations".
    expect(tied("two")).toEqual(["council_field_missions", null]);
    expect(tied("over 130")).toEqual(["pda_international"]);
    expect(tied("over 200,000")).toEqual([null]);
    // Years are set aside; "Article 99", "34 years", "117.3 million", a resolution's number state no figure.
    for (const written of ["34", "99", "117.3 million", "2719", "30 per cent", "76,000", "8,200"]) {
      expect(numbers.filter((n) => n.text === written).map((n) => n.status)).toEqual(["untied"]);
    }
    expect(numbers.filter((n) => n.text === "2023").every((n) => n.status === "not_figure")).toBe(true);
    expect(numbers.filter((n) => n.status === "tied").every((n) => n.states)).toBe(true);
    expect(await listTextChecks(t.db, 2023)).toEqual([]);
  });

  it("attributes seeded revisions to the edition, keeps the report's wording and provenance, and quotes in the report's order", async () => {
    expect((await listBlockHistory(t.db, blocks[0]!.id))!.revisions[0]!.changedBy).toBe("2023 edition (seed)");
    const history = await listValueHistory(t.db, 2023, "land_confirmed_safe_km2");
    expect(history!.revisions[0]).toMatchObject({
      changedBy: "2023 edition (seed)",
      sourcePhrase: "901 km² of land and 121 km of road confirmed safe",
      sourceProducer: "United Nations",
    });
    const values = await listYearValues(t.db, 2023);
    expect(values.find((v) => v.metricKey === "council_resolutions_statements")).toMatchObject({ qualifier: "over", wording: "more than" });
    expect(values.find((v) => v.metricKey === "explosive_items_removed")).toMatchObject({ qualifier: "over", wording: "+" });
    const earlier = (await listYearValues(t.db, 2022)).find((v) => v.metricKey === "contributing_countries");
    expect(earlier).toMatchObject({
      sourcePhrase: expect.stringContaining("As of June 2022, 120 countries had contributed"),
      sourceUrl: expect.stringMatching(/^https:\/\//),
    });
    expect((await listValueHistory(t.db, 2022, "contributing_countries"))!.revisions[0]!.changedBy).toBe("Public sources (seed)");
    const quoteRows = await t.db.select({ speaker: quotes.speaker }).from(quotes).where(eq(quotes.year, 2023)).orderBy(asc(quotes.sortOrder));
    expect(quoteRows.map((q) => q.speaker)).toEqual([
      "Rosemary A. DiCarlo",
      "Jean-Pierre Lacroix",
      "Najat Maalla M'jid",
      "Virginia Gamba",
      "Pramila Patten",
      "Alice Nderitu",
    ]);
  });

  it("locks the published edition through the lock command, its snapshot freezing the whole chapter", async () => {
    expect((await findYear(t.db, 2023))?.status).toBe("locked");
    const snapshot = await latestSnapshot(t.db, 2023);
    expect(snapshot?.reason).toBe("lock");
    const content = parseSnapshotContent((await findSnapshot(t.db, snapshot!.id))!.content);
    expect(content.blocks).toHaveLength(blocks.length);
    expect(content.blocks!.find((b) => b.text.includes("{{peacekeepers_total}}"))!.rendered).toContain("Over 76,000 peacekeepers");
  });

  it("seeds the chapter once: a second run adds nothing", async () => {
    expect(await seedDatabase(t.db)).toEqual({ inserted: 0 });
    expect(await listYearBlocks(t.db, 2023)).toHaveLength(blocks.length);
  });
});
