import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { metrics, users, valueRevisions, type ValueRevisionRow } from "../schema";
import type { Executor } from "../client";
import { readTogether } from "../read-together";
import { listMetricsCached, listSections, type Metric, type Section } from "./catalog";
import { listAllValuesCached, type ValuePoint } from "./value-points";
import { listYearsNewestFirst, type ReportingYear } from "./years";

/** A value revision as the dashboard lists it, with its metric's label and unit and the writer's name. */
export type LatestEdit = Pick<ValueRevisionRow, "id" | "year" | "value" | "qualifier" | "reason" | "changedAt"> &
  Pick<Metric, "label" | "unit"> & { metricKey: Metric["key"]; changedBy: string | null };

/** The newest value revisions, whoever made them, in one query (newest first). */
export async function listLatestEdits(db: Executor, limit = 10): Promise<LatestEdit[]> {
  return (
    db
      .select({
        id: valueRevisions.id,
        year: valueRevisions.year,
        metricKey: metrics.key,
        label: metrics.label,
        unit: metrics.unit,
        value: valueRevisions.value,
        qualifier: valueRevisions.qualifier,
        reason: valueRevisions.reason,
        changedBy: sql<string | null>`coalesce(${users.name}, ${valueRevisions.attribution})`,
        changedAt: valueRevisions.changedAt,
      })
      .from(valueRevisions)
      .innerJoin(metrics, eq(metrics.id, valueRevisions.metricId))
      .leftJoin(users, eq(users.id, valueRevisions.changedBy))
      // Revision ids grow with every save, so the primary key gives "newest" without a sort.
      .orderBy(desc(valueRevisions.id))
      .limit(limit)
  );
}

export type DashboardData = {
  years: ReportingYear[];
  sections: Section[];
  metrics: Metric[];
  values: readonly ValuePoint[];
  latestEdits: LatestEdit[];
};

/**
 * Everything the dashboard shows, in five small queries side by side however many years and
 * metrics there are (the values come with their fingerprint, and only when they changed since
 * the last call: see listAllValuesCached; the metrics only after the catalogue changed). Each
 * year's count of values comes from those values rather than from another pass over the table.
 * Archived metrics are kept only where they hold a value, as on the year page.
 */
export async function loadDashboardData(db: Executor): Promise<DashboardData> {
  const [yearRows, sections, allMetrics, values, latestEdits] = await readTogether(db, [
    () => listYearsNewestFirst(db),
    () => listSections(db),
    () => listMetricsCached(db),
    () => listAllValuesCached(db),
    () => listLatestEdits(db, 10),
  ]);
  const perYear = new Map<number, number>();
  const withValue = new Set<string>();
  for (const v of values) {
    perYear.set(v.year, (perYear.get(v.year) ?? 0) + 1);
    withValue.add(v.metricKey);
  }
  return {
    years: yearRows.map((y) => ({ ...y, valueCount: perYear.get(y.year) ?? 0 })),
    sections,
    metrics: allMetrics.filter((m) => !m.archived || withValue.has(m.key)),
    values,
    latestEdits,
  };
}
