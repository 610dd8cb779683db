import "server-only";
import { count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { metricValues, metrics, type MetricRow, type MetricValueRow } from "../schema";
import type { Executor } from "../client";
import { cachedByKey } from "../keyed-cache";

/** One value of one year, as trends and comparisons read it. */
export type ValuePoint = Pick<MetricValueRow, "year" | "value" | "qualifier"> & { metricKey: MetricRow["key"] };

/** Every value of every year in one query: the trends, the KPIs and the charts all read from it. */
export async function listAllValues(db: Executor): Promise<ValuePoint[]> {
  return db
    .select({ metricKey: metrics.key, year: metricValues.year, value: metricValues.value, qualifier: metricValues.qualifier })
    .from(metricValues)
    .innerJoin(metrics, eq(metrics.id, metricValues.metricId))
    .where(isNotNull(metricValues.value))
    .orderBy(metricValues.year, metrics.key);
}

/** The values of a few years at once (the comparison's two), one query. */
export async function listValuesOfYears(db: Executor, years: number[]): Promise<ValuePoint[]> {
  if (years.length === 0) return [];
  return db
    .select({ metricKey: metrics.key, year: metricValues.year, value: metricValues.value, qualifier: metricValues.qualifier })
    .from(metricValues)
    .innerJoin(metrics, eq(metrics.id, metricValues.metricId))
    .where(inArray(metricValues.year, years));
}

/**
 * Every value of every year, read again only when a value has changed.
 *
 * The dashboard needs all of them (its trend lines), which at 25 years × 400 metrics is
 * 10,000 rows a request; most requests follow no change at all. The cache key is read from
 * the database on every call, so several server processes on one PostgreSQL stay correct:
 * no process has to be told about another's writes.
 *
 * Why the fingerprint changes on every change: value rows are never deleted, a new row adds
 * one to the count, and every update of a row raises its version (the optimistic-locking
 * column), so the sum of versions only grows. max(updated_at) guards against two different
 * databases reaching the same count and sum.
 */
export async function valuesFingerprint(db: Executor): Promise<string> {
  const [row] = await db
    .select({
      rows: count(),
      versions: sql<string>`coalesce(sum(${metricValues.version}), 0)::text`,
      newest: sql<string | null>`max(${metricValues.updatedAt})::text`,
    })
    .from(metricValues);
  return `${row?.rows}/${row?.versions}/${row?.newest}`;
}

/** listAllValues, served from memory while the fingerprint is unchanged (see cachedByKey). */
export const listAllValuesCached: (db: Executor) => Promise<readonly ValuePoint[]> = cachedByKey(valuesFingerprint, async (db) =>
  // Frozen: every request shares this array.
  Object.freeze(await listAllValues(db)),
);
