import "server-only";
import { cache } from "react";
import { asc, eq, type SQL } from "drizzle-orm";
import { metricBreaks, metrics, users } from "../schema";
import type { Executor } from "../client";

export type MetricBreak = { metricKey: string; year: number; note: string; createdAt: Date; createdBy: string | null };

/**
 * The breaks matching `where` (all when undefined), oldest year first: few rows, read whole. Async,
 * so callers get a promise of the rows: a Drizzle query is a thenable that runs again each time it
 * is awaited, which a cached one (listAllMetricBreaks) would be by every part of a page.
 */
async function readBreaks(db: Executor, where: SQL | undefined): Promise<MetricBreak[]> {
  return db
    .select({ metricKey: metrics.key, year: metricBreaks.year, note: metricBreaks.note, createdAt: metricBreaks.createdAt, createdBy: users.name })
    .from(metricBreaks)
    .innerJoin(metrics, eq(metrics.id, metricBreaks.metricId))
    .leftJoin(users, eq(users.id, metricBreaks.createdBy))
    .where(where)
    .orderBy(asc(metricBreaks.year), asc(metricBreaks.id));
}

/** One metric's series breaks, oldest year first. */
export async function listBreaksOfMetric(db: Executor, metricKey: string): Promise<MetricBreak[]> {
  return readBreaks(db, eq(metrics.key, metricKey));
}

/**
 * Every series break, oldest year first, read once per server render however many parts of the
 * page ask (the year page's review and its checks, the dashboard and its checks): React's request
 * cache, keyed by the database handle. Outside a render (actions, routes, scripts) every call reads.
 */
export const listAllMetricBreaks: (db: Executor) => Promise<MetricBreak[]> = cache((db: Executor) => readBreaks(db, undefined));
