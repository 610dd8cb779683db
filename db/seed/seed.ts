import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { parseCsv } from "@/lib/csv/rfc4180";
import { DIRECTIONS, QUALIFIERS, UNITS } from "@/lib/domain";
import { tieNewTexts } from "../commands/number-ties";
import { lockYear } from "../commands/years";
import * as schema from "../schema";
import { HISTORY_ATTRIBUTION, loadChapter, SEED_ATTRIBUTION, seedChapterBlocks } from "./chapter";
import report from "./report-2023.json";

type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

const REPORT_SOURCE = "United Nations Annual Report 2023, chapter “Fostering peace and security”";
const HISTORY_FILE = path.join(process.cwd(), "db", "seed", "history.csv");

const reportSchema = z.object({
  year: z.number().int(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), order: z.number().int() })),
  metrics: z.array(
    z.object({
      key: z.string(),
      section: z.string(),
      label: z.string(),
      unit: z.enum(UNITS),
      direction: z.enum(DIRECTIONS),
      value: z.number(),
      qualifier: z.enum(QUALIFIERS).nullable(),
      source_text: z.string(),
    }),
  ),
  quotes: z.array(z.object({ speaker: z.string(), title: z.string(), section: z.string(), text: z.string() })),
});

type SeedValue = {
  metricKey: string;
  year: number;
  value: number;
  qualifier: "over" | "about" | null;
  note: string | null;
  source: string;
  wording: string | null;
  sourceProducer: string | null;
  sourceTitle: string | null;
  sourceUrl: string | null;
  sourcePhrase: string | null;
};

const REPORT_PRODUCER = "United Nations";
const REPORT_TITLE = "United Nations Annual Report 2023";

// The transcription flattened "km²" and "m²" to "km2" and "m2"; the report prints the superscript.
const superscripts = (text: string) => text.replace(/\b(k?m)2\b/g, "$1²");

function loadSeedData() {
  const data = reportSchema.parse(report);
  const { wording } = loadChapter();
  const values: SeedValue[] = data.metrics.map((m) => ({
    metricKey: m.key,
    year: data.year,
    value: m.value,
    qualifier: m.qualifier,
    note: null,
    source: `${REPORT_SOURCE}: “${superscripts(m.source_text)}”`,
    wording: wording[m.key] ?? null,
    sourceProducer: REPORT_PRODUCER,
    sourceTitle: `${REPORT_TITLE}, chapter “Fostering peace and security”`,
    sourceUrl: null,
    sourcePhrase: superscripts(m.source_text),
  }));
  values.push(...loadHistory());
  return { ...data, values };
}

/** history.csv: earlier years from public sources; the address is the source, the quoted words the note's support. */
function loadHistory(): SeedValue[] {
  const parsed = parseCsv(fs.readFileSync(HISTORY_FILE, "utf8"));
  if (!parsed.ok) throw new Error(`db/seed/history.csv: ${parsed.message}`);
  const [header, ...rows] = parsed.rows;
  const col = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`db/seed/history.csv has no column ${name}`);
    return i;
  };
  const [yearI, keyI, valueI, qualI, noteI, sourceI, sourceTextI] = ["year", "metric_key", "value", "qualifier", "note", "source", "source_text"].map(col);
  return rows.map((r) => {
    const cell = (i: number | undefined) => (i === undefined ? "" : (r[i] ?? "").trim());
    const qualifier = cell(qualI);
    return {
      metricKey: cell(keyI),
      year: Number(cell(yearI)),
      value: Number(cell(valueI)),
      qualifier: qualifier === "over" || qualifier === "about" ? qualifier : null,
      note: cell(noteI) || null,
      source: cell(sourceI),
      wording: null,
      sourceProducer: null,
      sourceTitle: null,
      sourceUrl: /^https?:\/\//.test(cell(sourceI)) ? cell(sourceI) : null,
      sourcePhrase: cell(sourceTextI) || null,
    };
  });
}

/**
 * Brings an empty or partly seeded database to the shipped report. Idempotent:
 * it only inserts what is missing and never overwrites an editor's work, so a
 * second run changes nothing. Runs from start-up and the CLI, never from HTTP.
 */
export async function seedDatabase(db: Db): Promise<{ inserted: number }> {
  const data = loadSeedData();
  return db.transaction(async (tx) => {
    let inserted = 0;
    const opening = loadChapter().section;
    const sectionRows = await tx
      .insert(schema.sections)
      .values([opening, ...data.sections].map((s) => ({ key: s.key, title: s.title, sortOrder: s.order })))
      .onConflictDoNothing()
      .returning({ key: schema.sections.key });
    inserted += sectionRows.length;

    const metricRows = await tx
      .insert(schema.metrics)
      .values(
        data.metrics.map((m, i) => ({
          key: m.key,
          label: m.label,
          sectionKey: m.section,
          unit: m.unit,
          direction: m.direction,
          sortOrder: i + 1,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: schema.metrics.id });
    inserted += metricRows.length;

    const years = [...new Set(data.values.map((v) => v.year))].sort();
    const yearRows = await tx
      .insert(schema.reportingYears)
      .values(years.map((year) => ({ year })))
      .onConflictDoNothing()
      .returning({ year: schema.reportingYears.year });
    inserted += yearRows.length;

    const metricIds = new Map((await tx.select({ id: schema.metrics.id, key: schema.metrics.key }).from(schema.metrics)).map((m) => [m.key, m.id]));
    const valueRows = data.values.map((v) => {
      const metricId = metricIds.get(v.metricKey);
      if (metricId === undefined) throw new Error(`seed value for unknown metric ${v.metricKey}`);
      const { metricKey: _key, ...fields } = v;
      return { ...fields, metricId };
    });
    const newValues = await tx.insert(schema.metricValues).values(valueRows).onConflictDoNothing().returning();
    if (newValues.length > 0) {
      await tx.insert(schema.valueRevisions).values(
        newValues.map((v) => ({
          valueId: v.id,
          metricId: v.metricId,
          year: v.year,
          value: v.value,
          qualifier: v.qualifier,
          note: v.note,
          source: v.source,
          wording: v.wording,
          sourceProducer: v.sourceProducer,
          sourceTitle: v.sourceTitle,
          sourceUrl: v.sourceUrl,
          sourcePhrase: v.sourcePhrase,
          version: v.version,
          attribution: v.year === data.year ? SEED_ATTRIBUTION : HISTORY_ATTRIBUTION,
          reason: "seed: the published report and public sources",
        })),
      );
    }
    inserted += newValues.length;

    const existingQuotes = await tx
      .select({ speaker: schema.quotes.speaker, sectionKey: schema.quotes.sectionKey })
      .from(schema.quotes)
      .where(
        and(
          eq(schema.quotes.year, data.year),
          inArray(
            schema.quotes.speaker,
            data.quotes.map((q) => q.speaker),
          ),
        ),
      );
    const seen = new Set(existingQuotes.map((q) => `${q.speaker}|${q.sectionKey}`));
    const missingQuotes = data.quotes.map((q, i) => ({ ...q, sortOrder: i + 1 })).filter((q) => !seen.has(`${q.speaker}|${q.section}`));
    if (missingQuotes.length > 0) {
      const newQuotes = await tx
        .insert(schema.quotes)
        .values(
          missingQuotes.map((q) => ({
            year: data.year,
            speaker: q.speaker,
            title: q.title,
            sectionKey: q.section,
            text: q.text,
            sortOrder: q.sortOrder,
          })),
        )
        .returning();
      await tx.insert(schema.quoteRevisions).values(
        newQuotes.map((q) => ({
          quoteId: q.id,
          year: q.year,
          action: "create" as const,
          speaker: q.speaker,
          title: q.title,
          sectionKey: q.sectionKey,
          text: q.text,
          version: q.version,
          attribution: SEED_ATTRIBUTION,
          reason: "seed: the published report",
        })),
      );
      await tieNewTexts(
        tx,
        data.year,
        newQuotes.map((q) => ({ owner: { quoteId: q.id }, section: q.sectionKey, text: q.text })),
      );
      inserted += newQuotes.length;
    }
    inserted += await seedChapterBlocks(tx, data.year);
    // The shipped edition is published: signed off with its snapshot, by the ordinary lock
    // command, when this run opened its year (a desk that unlocked it keeps it unlocked).
    if (yearRows.some((y) => y.year === data.year)) await lockYear(tx, data.year, { attribution: SEED_ATTRIBUTION });
    return { inserted };
  });
}
