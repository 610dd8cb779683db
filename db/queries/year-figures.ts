import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { metricValues, metrics, sections, type MetricRow, type MetricValueRow } from "../schema";
import type { Executor } from "../client";

/** A figure as the chapter's text needs it: enough to print it and to tell whether a number states it. */
export type YearFigure = Pick<MetricRow, "label" | "unit"> &
  Pick<MetricValueRow, "value" | "qualifier" | "wording"> & { metricId: MetricRow["id"]; metricKey: MetricRow["key"]; section: MetricRow["sectionKey"] };

/** Every metric of the year (current ones, and archived ones holding a value), in report order. One query. */
export async function listYearFigures(db: Executor, year: number): Promise<YearFigure[]> {
  return (await listFiguresOfYears(db, [year])).get(year) ?? [];
}

/** `listYearFigures` of several years, still one query: each metric joined to its values of those years. */
export async function listFiguresOfYears(db: Executor, years: number[]): Promise<Map<number, YearFigure[]>> {
  const rows = await db
    .select({
      metricId: metrics.id,
      metricKey: metrics.key,
      label: metrics.label,
      section: metrics.sectionKey,
      unit: metrics.unit,
      archived: metrics.archived,
      year: metricValues.year,
      value: metricValues.value,
      qualifier: metricValues.qualifier,
      wording: metricValues.wording,
    })
    .from(metrics)
    .innerJoin(sections, eq(sections.key, metrics.sectionKey))
    .leftJoin(metricValues, and(eq(metricValues.metricId, metrics.id), inArray(metricValues.year, years)))
    .orderBy(asc(sections.sortOrder), asc(metrics.sortOrder), asc(metrics.id));
  const byYear = new Map(years.map((y) => [y, [] as YearFigure[]]));
  // Rows come metric by metric: a metric's rows are its values in some of the years (or one empty row).
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j < rows.length && rows[j]!.metricId === rows[i]!.metricId) j++;
    const ofMetric = rows.slice(i, j);
    const { metricId, metricKey, label, section, unit, archived } = ofMetric[0]!;
    for (const [year, figures] of byYear) {
      const valued = ofMetric.find((r) => r.year === year);
      if (archived && !valued) continue;
      figures.push({
        metricId,
        metricKey,
        label,
        section,
        unit,
        value: valued?.value ?? null,
        qualifier: valued?.qualifier ?? null,
        wording: valued?.wording ?? null,
      });
    }
    i = j;
  }
  return byYear;
}
