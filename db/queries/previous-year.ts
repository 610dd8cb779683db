import "server-only";
import { and, desc, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { speakerKey } from "@/lib/speakers";
import { metricValues, metrics, quotes } from "../schema";
import type { Executor } from "../client";
import type { ValuePoint } from "./value-points";
import { listQuotesOfYears, type QuoteView } from "./years";

/** A metric's value in the nearest earlier year that has one (so never null). */
export type PreviousValue = Omit<ValuePoint, "value"> & { value: number };

/**
 * For every metric, its value in the nearest year before `year` that has one (years can be
 * skipped or left empty). One query for the whole page, whatever the number of metrics: a
 * lateral look-up per metric down the (metric, year) index, which at 25 years × 400 metrics
 * costs a tenth of sorting every earlier value (`distinct on`) as it first did.
 */
export async function listPreviousValues(db: Executor, year: number): Promise<PreviousValue[]> {
  const nearest = db
    .select({ year: metricValues.year, value: metricValues.value, qualifier: metricValues.qualifier })
    .from(metricValues)
    .where(and(eq(metricValues.metricId, metrics.id), lt(metricValues.year, year), isNotNull(metricValues.value)))
    .orderBy(desc(metricValues.year))
    .limit(1)
    .as("nearest");
  const rows = await db
    .select({ metricKey: metrics.key, year: nearest.year, value: nearest.value, qualifier: nearest.qualifier })
    .from(metrics)
    .crossJoinLateral(nearest)
    .orderBy(metrics.id);
  return rows.map((r) => ({ metricKey: r.metricKey, year: r.year, value: r.value!, qualifier: r.qualifier }));
}

export type EarlierQuotes = {
  /** Every earlier year that has quotes, newest first, with them in report order. */
  years: { year: number; quotes: QuoteView[] }[];
  /** Speakers quoted in more than one earlier year: the dialog picks their quotes to begin with. */
  recurringSpeakers: string[];
};

/** Whether any year before `year` has a quote: the year page offers the copy dialog, which reads them when opened. */
export async function hasEarlierQuotes(db: Executor, year: number): Promise<boolean> {
  const [row] = await db
    .select({ any: sql<boolean>`true` })
    .from(quotes)
    .where(and(lt(quotes.year, year), isNull(quotes.deletedAt)))
    .limit(1);
  return row !== undefined;
}

/** The quotes of every year before `year`, for copying recurring speakers from any of them. One query. */
export async function listEarlierQuotes(db: Executor, year: number): Promise<EarlierQuotes | null> {
  const rows = await listQuotesOfYears(db, lt(quotes.year, year));
  if (rows.length === 0) return null;
  const years: EarlierQuotes["years"] = [];
  const yearsOfSpeaker = new Map<string, Set<number>>();
  for (const { year: y, ...quote } of rows) {
    if (years.at(-1)?.year !== y) years.push({ year: y, quotes: [] });
    years.at(-1)!.quotes.push(quote);
    const key = speakerKey(quote.speaker);
    yearsOfSpeaker.set(key, (yearsOfSpeaker.get(key) ?? new Set()).add(y));
  }
  const recurringSpeakers = [...yearsOfSpeaker].filter(([, ys]) => ys.size > 1).map(([key]) => key);
  return { years, recurringSpeakers };
}
