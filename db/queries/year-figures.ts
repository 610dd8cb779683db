import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Qualifier, Unit } from "@/lib/domain";
import { metricValues, metrics, sections } from "../schema";
import type { Executor } from "../client";

/** A figure as the chapter's text needs it: enough to print it and to tell whether a number states it. */
export type YearFigure = {
  metricId: number;
  metricKey: string;
  label: string;
  section: string;
  unit: Unit;
  value: number | null;
  qualifier: Qualifier;
  wording: string | null;
};

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
      valueId: metricValues.id,
      value: metricValues.value,
      qualifier: metricValues.qualifier,
      wording: metricValues.wording,
    })
    .from(metrics)
    .innerJoin(sections, eq(sections.key, metrics.sectionKey))
    .leftJoin(metricValues, and(eq(metricValues.metricId, metrics.id), eq(metricValues.year, year)))
    .orderBy(asc(sections.sortOrder), asc(metrics.sortOrder), asc(metrics.id));
  return rows
    .filter((r) => !r.archived || r.valueId !== null)
    .map(({ archived: _archived, valueId: _valueId, ...figure }) => figure);
}
