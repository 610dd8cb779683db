import "server-only";
import { and, desc, eq, isNotNull, isNull, lt, max } from "drizzle-orm";
import type { Qualifier } from "@/lib/domain";
import { metricValues, metrics, quotes } from "../schema";
import type { Executor } from "../client";
import { listYearQuotes, type QuoteView } from "./years";

export type PreviousValue = { metricKey: string; year: number; value: number; qualifier: Qualifier };

/**
 * For every metric, its value in the nearest year before `year` that has one (years can be
 * skipped or left empty). One query for the whole page, whatever the number of metrics.
 */
export async function listPreviousValues(db: Executor, year: number): Promise<PreviousValue[]> {
  const rows = await db
    .selectDistinctOn([metricValues.metricId], {
      metricKey: metrics.key,
      year: metricValues.year,
      value: metricValues.value,
      qualifier: metricValues.qualifier,
    })
    .from(metricValues)
    .innerJoin(metrics, eq(metrics.id, metricValues.metricId))
    .where(and(lt(metricValues.year, year), isNotNull(metricValues.value)))
    .orderBy(metricValues.metricId, desc(metricValues.year));
  return rows.map((r) => ({ metricKey: r.metricKey, year: r.year, value: r.value!, qualifier: r.qualifier }));
}

/** The quotes of the nearest year before `year` that has any, for copying recurring speakers. */
export async function findPreviousYearQuotes(db: Executor, year: number): Promise<{ year: number; quotes: QuoteView[] } | null> {
  const [nearest] = await db
    .select({ year: max(quotes.year) })
    .from(quotes)
    .where(and(lt(quotes.year, year), isNull(quotes.deletedAt)));
  if (nearest?.year == null) return null;
  return { year: nearest.year, quotes: await listYearQuotes(db, nearest.year) };
}
