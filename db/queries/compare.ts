import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { compareQuotes, compareValues, type CompareRow, type QuoteComparison, type QuoteLike } from "@/lib/compare/compare";
import { quotes, reportingYears, sections } from "../schema";
import type { Executor } from "../client";
import { readTogether } from "../read-together";
import { listAllMetricBreaks } from "./breaks";
import { listMetricsCached } from "./catalog";
import { listValuesOfYears } from "./value-points";

export type YearComparison = { from: number; to: number; rows: CompareRow[]; quotes: QuoteComparison };

/**
 * Two years side by side, in five queries whatever their size (the fifth: series breaks). `missingYears` lists the years
 * that are not reporting years (the caller answers 404); the comparison is then null.
 * The page, the JSON API and the CSV download all read through here.
 */
export async function readComparison(db: Executor, from: number, to: number): Promise<{ missingYears: number[]; comparison: YearComparison | null }> {
  const years = [...new Set([from, to])];
  const [found, allMetrics, values, quoteRows, breaks] = await readTogether(db, [
    () => db.select({ year: reportingYears.year }).from(reportingYears).where(inArray(reportingYears.year, years)),
    () => listMetricsCached(db),
    () => listValuesOfYears(db, years),
    () =>
      db
        .select({ id: quotes.id, year: quotes.year, speaker: quotes.speaker, title: quotes.title, section: quotes.sectionKey, text: quotes.text })
        .from(quotes)
        .innerJoin(sections, eq(sections.key, quotes.sectionKey))
        .where(and(inArray(quotes.year, years), isNull(quotes.deletedAt)))
        .orderBy(asc(sections.sortOrder), asc(quotes.sortOrder), asc(quotes.id)),
    () => listAllMetricBreaks(db),
  ]);
  const present = new Set(found.map((y) => y.year));
  const missingYears = years.filter((y) => !present.has(y));
  if (missingYears.length > 0) return { missingYears, comparison: null };

  const fromValues = values.filter((v) => v.year === from);
  const toValues = values.filter((v) => v.year === to);
  // Archived metrics stay in the table only where one of the two years holds a value for them.
  const withValue = new Set([...fromValues, ...toValues].filter((v) => v.value !== null).map((v) => v.metricKey));
  const shown = allMetrics.filter((m) => !m.archived || withValue.has(m.key));
  const quoteOf = (year: number): QuoteLike[] =>
    quoteRows.filter((q) => q.year === year).map((q) => ({ id: q.id, speaker: q.speaker, title: q.title, section: q.section, text: q.text }));

  return {
    missingYears: [],
    comparison: {
      from,
      to,
      rows: compareValues(shown, fromValues, toValues, { from, to, breaks }),
      quotes: compareQuotes(quoteOf(from), quoteOf(to)),
    },
  };
}
