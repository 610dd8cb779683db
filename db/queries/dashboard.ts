import "server-only";
import { desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Qualifier } from "@/lib/domain";
import { metricValues, metrics, users, valueRevisions } from "../schema";
import type { Executor } from "../client";
import { listMetrics, listSections, type Metric, type Section } from "./catalog";
import { listYears, type ReportingYear } from "./years";

export type ValuePoint = { metricKey: string; year: number; value: number | null; qualifier: Qualifier };

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

export type LatestEdit = {
  id: number;
  year: number;
  metricKey: string;
  label: string;
  unit: Metric["unit"];
  value: number | null;
  qualifier: Qualifier;
  reason: string | null;
  changedBy: string | null;
  changedAt: Date;
};

/** The newest value revisions, whoever made them, in one query (newest first). */
export async function listLatestEdits(db: Executor, limit = 10): Promise<LatestEdit[]> {
  return db
    .select({
      id: valueRevisions.id,
      year: valueRevisions.year,
      metricKey: metrics.key,
      label: metrics.label,
      unit: metrics.unit,
      value: valueRevisions.value,
      qualifier: valueRevisions.qualifier,
      reason: valueRevisions.reason,
      changedBy: users.name,
      changedAt: valueRevisions.changedAt,
    })
    .from(valueRevisions)
    .innerJoin(metrics, eq(metrics.id, valueRevisions.metricId))
    .leftJoin(users, eq(users.id, valueRevisions.changedBy))
    // Revision ids grow with every save, so the primary key gives "newest" without a sort.
    .orderBy(desc(valueRevisions.id))
    .limit(limit);
}

export type DashboardData = {
  years: ReportingYear[];
  sections: Section[];
  metrics: Metric[];
  values: ValuePoint[];
  latestEdits: LatestEdit[];
};

/**
 * Everything the dashboard shows, in five queries however many years and metrics there are.
 * Archived metrics are kept only where they hold a value, as on the year page.
 */
export async function loadDashboardData(db: Executor): Promise<DashboardData> {
  const [years, sections, allMetrics, values, latestEdits] = await Promise.all([
    listYears(db),
    listSections(db),
    listMetrics(db),
    listAllValues(db),
    listLatestEdits(db, 10),
  ]);
  const withValue = new Set(values.map((v) => v.metricKey));
  return { years, sections, metrics: allMetrics.filter((m) => !m.archived || withValue.has(m.key)), values, latestEdits };
}
