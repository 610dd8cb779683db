import "server-only";
import { cache } from "react";
import { asc, eq } from "drizzle-orm";
import { metricBreaks, metrics, users } from "../schema";
import type { Executor } from "../client";

export type MetricBreak = { metricKey: string; year: number; note: string; createdAt: Date; createdBy: string | null };

/** Every series break (or one metric's), oldest year first: few rows, read whole. */
export async function listMetricBreaks(db: Executor, metricKey?: string): Promise<MetricBreak[]> {
  return db
    .select({ metricKey: metrics.key, year: metricBreaks.year, note: metricBreaks.note, createdAt: metricBreaks.createdAt, createdBy: users.name })
    .from(metricBreaks)
    .innerJoin(metrics, eq(metrics.id, metricBreaks.metricId))
    .leftJoin(users, eq(users.id, metricBreaks.createdBy))
    .where(metricKey === undefined ? undefined : eq(metrics.key, metricKey))
    .orderBy(asc(metricBreaks.year), asc(metricBreaks.id));
}

/**
 * Every break, read once per server render however many parts of the page ask (the year page's
 * review and its checks, the dashboard and its checks): React's request cache, keyed by the
 * database handle. Outside a render (actions, routes, scripts) every call reads.
 */
export const listAllMetricBreaks: (db: Executor) => Promise<MetricBreak[]> = cache((db: Executor) => listMetricBreaks(db));
