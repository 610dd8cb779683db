import "server-only";
import { cache } from "react";
import { and, asc, eq } from "drizzle-orm";
import { metricValues, metrics, sections, type MetricRow, type MetricValueRow } from "../schema";
import type { Executor } from "../client";

/** A figure as the chapter's text needs it: enough to print it and to tell whether a number states it. */
export type YearFigure = Pick<MetricRow, "label" | "unit"> &
  Pick<MetricValueRow, "value" | "qualifier" | "wording"> & { metricId: MetricRow["id"]; metricKey: MetricRow["key"]; section: MetricRow["sectionKey"] };

/**
 * What a figure of a year is read with: its metric joined to its value row of that year, if any
 * (the caller's left join of `metric_values`). The chapter's text and its checks read a year's
 * figures through these, so the two agree on what the year's figure is.
 */
export const figureColumns = {
  metricKey: metrics.key,
  label: metrics.label,
  unit: metrics.unit,
  archived: metrics.archived,
  valueYear: metricValues.year,
  value: metricValues.value,
  qualifier: metricValues.qualifier,
  wording: metricValues.wording,
};

/** An archived metric is a figure of a year only where it holds a value row there: new years leave it out. */
export const isFigureOfItsYear = (row: { archived: boolean; valueYear: number | null }) => !row.archived || row.valueYear !== null;

/** Every metric of the year (current ones, and archived ones holding a value), in report order. One query. */
export async function listYearFigures(db: Executor, year: number): Promise<YearFigure[]> {
  const rows = await db
    .select({ metricId: metrics.id, section: metrics.sectionKey, ...figureColumns })
    .from(metrics)
    .innerJoin(sections, eq(sections.key, metrics.sectionKey))
    .leftJoin(metricValues, and(eq(metricValues.metricId, metrics.id), eq(metricValues.year, year)))
    .orderBy(asc(sections.sortOrder), asc(metrics.sortOrder), asc(metrics.id));
  return rows.filter(isFigureOfItsYear).map(({ metricId, metricKey, label, section, unit, value, qualifier, wording }) => ({
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

/**
 * listYearFigures, read once per server render however many parts of a page ask (the text page's
 * own, its blocks' and its written numbers'); outside a render every call reads. Commands use
 * listYearFigures itself: inside their transaction a write may come between two reads.
 */
export const listYearFiguresCached: (db: Executor, year: number) => Promise<YearFigure[]> = cache(async (db: Executor, year: number) =>
  listYearFigures(db, year),
);
