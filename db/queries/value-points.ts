import "server-only";
import { cache } from "react";
import { and, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { metricValues, metrics, type MetricRow, type MetricValueRow } from "../schema";
import type { Executor } from "../client";
import { cachedIfChanged } from "../keyed-cache";
import { rowsOf } from "../rows";

/** One value of one year, as trends and comparisons read it. */
export type ValuePoint = Pick<MetricValueRow, "year" | "value" | "qualifier"> & { metricKey: MetricRow["key"] };

/** Every value with a number, and of those the ones `where` keeps. */
function valuesQuery(db: Executor, where?: SQL) {
  return db
    .select({ metricKey: metrics.key, year: metricValues.year, value: metricValues.value, qualifier: metricValues.qualifier })
    .from(metricValues)
    .innerJoin(metrics, eq(metrics.id, metricValues.metricId))
    .where(and(isNotNull(metricValues.value), where));
}

/** Every value of every year in one query: the trends, the KPIs and the charts all read from it. */
export async function listAllValues(db: Executor): Promise<ValuePoint[]> {
  return valuesQuery(db).orderBy(metricValues.year, metrics.key);
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
 * 10,000 rows a request; most requests follow no change at all. Whether they changed is asked
 * of the database on every call, so several server processes on one PostgreSQL stay correct:
 * no process has to be told about another's writes.
 *
 * Why the fingerprint changes on every change: value rows are never deleted, a new row adds
 * one to the count, and every update of a row raises its version (the optimistic-locking
 * column), so the sum of versions only grows. max(updated_at) guards against two different
 * databases reaching the same count and sum.
 */
const FINGERPRINT = sql<string>`count(*)::text || '/' || coalesce(sum(${metricValues.version}), 0)::text || '/' || coalesce(max(${metricValues.updatedAt})::text, '')`;

export async function valuesFingerprint(db: Executor): Promise<string> {
  const [row] = await db.select({ fingerprint: FINGERPRINT }).from(metricValues);
  return row!.fingerprint;
}

type ValueRowIfChanged = { fingerprint: string; key: string | null; year: number | null; value: number | null; qualifier: ValuePoint["qualifier"] };

/**
 * listAllValues, served from memory while the fingerprint is unchanged (see cachedIfChanged): one
 * statement answers with the fingerprint and, only when it is not the one in memory, every value,
 * both from the same snapshot. Under steady saves the values change between most reads, and a
 * check followed by a read was two round trips in a row on every dashboard and year page. Within
 * one server render it is asked once however many parts of the page ask (React's request cache).
 */
export const listAllValuesCached: (db: Executor) => Promise<readonly ValuePoint[]> = cache(
  cachedIfChanged(async (db, known) => {
    const rows = rowsOf<ValueRowIfChanged>(
      await db.execute(sql`
      with now_ as (select ${FINGERPRINT} as fingerprint from ${metricValues})
      select now_.fingerprint, v.key, v.year, v.value, v.qualifier
      from now_ left join lateral ${valuesQuery(db, sql`now_.fingerprint is distinct from ${known}::text`)} v on true
      order by v.year, v.key`),
    );
    const fingerprint = rows[0]!.fingerprint;
    if (fingerprint === known) return { key: fingerprint, data: null };
    const values = rows.filter((r) => r.key !== null).map((r) => ({ metricKey: r.key!, year: r.year!, value: r.value, qualifier: r.qualifier }));
    // Frozen: every request shares this array.
    return { key: fingerprint, data: Object.freeze(values) };
  }),
);
