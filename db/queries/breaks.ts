import "server-only";
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
