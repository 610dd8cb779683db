import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { metricValues, metrics, sections, type MetricRow, type MetricValueRow } from "../schema";
import type { Executor } from "../client";

/** A figure as the chapter's text needs it: enough to print it and to tell whether a number states it. */
export type YearFigure = Pick<MetricRow, "label" | "unit"> &
  Pick<MetricValueRow, "value" | "qualifier" | "wording"> & { metricId: MetricRow["id"]; metricKey: MetricRow["key"]; section: MetricRow["sectionKey"] };

/** Every metric of the year (current ones, and archived ones holding a value), in report order. One query. */
export async function listYearFigures(db: Executor, year: number): Promise<YearFigure[]> {
  const rows = await db
    .select({
      metricId: metrics.id,
      metricKey: metrics.key,
      label: metrics.label,
      section: metrics.sectionKey,
      unit: metrics.unit,
      archived: metrics.archived,
      valueYear: metricValues.year,
      value: metricValues.value,
      qualifier: metricValues.qualifier,
      wording: metricValues.wording,
    })
    .from(metrics)
    .innerJoin(sections, eq(sections.key, metrics.sectionKey))
    .leftJoin(metricValues, and(eq(metricValues.metricId, metrics.id), eq(metricValues.year, year)))
    .orderBy(asc(sections.sortOrder), asc(metrics.sortOrder), asc(metrics.id));
  return rows
    .filter((r) => !r.archived || r.valueYear !== null)
    .map(({ metricId, metricKey, label, section, unit, value, qualifier, wording }) => ({
      metricId,
      metricKey,
      label,
      section,
      unit,
      value,
      qualifier,
      wording,
    }));
}
