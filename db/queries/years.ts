import "server-only";
import { and, asc, count, desc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { cache } from "react";
import type { YearStatus } from "@/lib/domain";
import { pickProvenance, type ProvenanceField } from "@/lib/validation/provenance";
import {
  lockedMetricLabels,
  metricValues,
  metrics,
  quotes,
  reportingYears,
  sections,
  users,
  type MetricRow,
  type MetricValueRow,
  type QuoteRow,
} from "../schema";
import type { Section } from "./catalog";
import type { Executor } from "../client";

export type ReportingYear = { year: number; status: YearStatus; lockedAt: Date | null; valueCount: number; returnMessage: string | null };

export async function listYears(db: Executor): Promise<ReportingYear[]> {
  const valueCounts = db
    .select({ year: metricValues.year, n: count().as("n") })
    .from(metricValues)
    .where(isNotNull(metricValues.value))
    .groupBy(metricValues.year)
    .as("value_counts");
  const rows = await db
    .select({
      year: reportingYears.year,
      status: reportingYears.status,
      lockedAt: reportingYears.lockedAt,
      returnMessage: reportingYears.returnMessage,
      n: valueCounts.n,
    })
    .from(reportingYears)
    .leftJoin(valueCounts, eq(valueCounts.year, reportingYears.year))
    .orderBy(desc(reportingYears.year));
  return rows.map((r) => ({ year: r.year, status: r.status, lockedAt: r.lockedAt, returnMessage: r.returnMessage, valueCount: Number(r.n ?? 0) }));
}

export async function findYear(db: Executor, year: number) {
  const [row] = await db.select().from(reportingYears).where(eq(reportingYears.year, year));
  return row ?? null;
}

/**
 * A metric's row in a year: its stored fields (version 0 and nulls when none is stored yet),
 * the metric's label, unit and section as the year shows them, and the writer's name.
 */
export type YearValueRow = Pick<MetricValueRow, "value" | "qualifier" | "note" | "source" | ProvenanceField | "version"> &
  Pick<MetricRow, "label" | "unit" | "direction" | "archived"> & {
    metricKey: MetricRow["key"];
    section: MetricRow["sectionKey"];
    updatedAt: MetricValueRow["updatedAt"] | null;
    /** The writer's name. */
    updatedBy: string | null;
  };

/** A metric's locked labels in the year, if the year was locked with it. */
const keptIn = (year: number) => and(eq(lockedMetricLabels.metricId, metrics.id), eq(lockedMetricLabels.year, year));
/** The section a metric is under in the year: as locked, or today's. */
const yearSection = sql<string>`coalesce(${lockedMetricLabels.sectionKey}, ${metrics.sectionKey})`;
const valueIn = (year: number) => and(eq(metricValues.metricId, metrics.id), eq(metricValues.year, year));
// An archived metric stays in a year where it holds a row, and in a locked year it was part of.
const shownInYear = or(eq(metrics.archived, false), isNotNull(metricValues.id), isNotNull(lockedMetricLabels.metricId));
const reportOrder = [asc(sections.sortOrder), asc(metrics.sortOrder), asc(metrics.id)];

/**
 * One row per metric for the year, in report order: every current metric, plus archived ones
 * that hold a value this year (kept in old years, left out of new ones). In a locked year the
 * metrics it was locked with keep the labels, units and sections they had then, and stay even
 * when archived since (locked_metric_labels). One query; `section` keeps the rows of one
 * section (as the year shows it), for a page that shows one.
 */
export async function listYearValues(db: Executor, year: number, opts: { section?: string } = {}): Promise<YearValueRow[]> {
  const rows = await db
    .select({
      metricKey: metrics.key,
      label: sql<string>`coalesce(${lockedMetricLabels.label}, ${metrics.label})`,
      section: yearSection,
      unit: sql<YearValueRow["unit"]>`coalesce(${lockedMetricLabels.unit}, ${metrics.unit})`,
      direction: metrics.direction,
      archived: metrics.archived,
      value: metricValues.value,
      qualifier: metricValues.qualifier,
      note: metricValues.note,
      source: metricValues.source,
      wording: metricValues.wording,
      sourceProducer: metricValues.sourceProducer,
      sourceTitle: metricValues.sourceTitle,
      sourceUrl: metricValues.sourceUrl,
      sourcePublished: metricValues.sourcePublished,
      sourceAccessed: metricValues.sourceAccessed,
      sourcePhrase: metricValues.sourcePhrase,
      version: metricValues.version,
      updatedAt: metricValues.updatedAt,
      updatedBy: users.name,
    })
    .from(metrics)
    .leftJoin(lockedMetricLabels, keptIn(year))
    .innerJoin(sections, eq(sections.key, yearSection))
    .leftJoin(metricValues, valueIn(year))
    .leftJoin(users, eq(users.id, metricValues.updatedBy))
    .where(and(shownInYear, opts.section === undefined ? undefined : eq(yearSection, opts.section)))
    .orderBy(...reportOrder);
  return rows.map((r) => ({
    metricKey: r.metricKey,
    label: r.label,
    section: r.section,
    unit: r.unit,
    direction: r.direction,
    archived: r.archived,
    value: r.value,
    qualifier: r.qualifier,
    note: r.note,
    source: r.source,
    ...pickProvenance(r),
    // A metric with no row yet is at version 0: the first save must say so.
    version: r.version ?? 0,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
  }));
}

/** Each metric of the year as listYearValues has it, reduced to where it is and whether it holds a value. */
export type YearOutlineRow = { metricKey: string; section: string; filled: boolean };

/**
 * The year's metrics as listYearValues lists them (the same rows, in the same order), with only
 * their section and whether they hold a value: what a page that shows one section needs of the
 * others (counts, and where each figure is).
 */
export async function listYearOutline(db: Executor, year: number): Promise<YearOutlineRow[]> {
  return db
    .select({ metricKey: metrics.key, section: yearSection, filled: sql<boolean>`${metricValues.value} is not null` })
    .from(metrics)
    .leftJoin(lockedMetricLabels, keptIn(year))
    .innerJoin(sections, eq(sections.key, yearSection))
    .leftJoin(metricValues, valueIn(year))
    .where(shownInYear)
    .orderBy(...reportOrder);
}

/** One metric as the year shows it (label and unit as locked, for a locked year), or null when there is no such metric. */
export async function findYearMetric(
  db: Executor,
  year: number,
  metricKey: string,
): Promise<{ key: string; label: string; unit: YearValueRow["unit"] } | null> {
  const [row] = await db
    .select({
      key: metrics.key,
      label: sql<string>`coalesce(${lockedMetricLabels.label}, ${metrics.label})`,
      unit: sql<YearValueRow["unit"]>`coalesce(${lockedMetricLabels.unit}, ${metrics.unit})`,
    })
    .from(metrics)
    .leftJoin(lockedMetricLabels, and(eq(lockedMetricLabels.metricId, metrics.id), eq(lockedMetricLabels.year, year)))
    .where(eq(metrics.key, metricKey));
  return row ?? null;
}

/** The sections as the year shows them: a locked year's under the titles they had when it was locked. One statement. */
export async function listYearSections(db: Executor, year: number): Promise<Section[]> {
  const kept = db
    .selectDistinctOn([lockedMetricLabels.sectionKey], { key: lockedMetricLabels.sectionKey, title: lockedMetricLabels.sectionTitle })
    .from(lockedMetricLabels)
    .where(eq(lockedMetricLabels.year, year))
    .as("kept");
  return db
    .select({ key: sections.key, title: sql<string>`coalesce(${kept.title}, ${sections.title})`, sortOrder: sections.sortOrder })
    .from(sections)
    .leftJoin(kept, eq(kept.key, sections.key))
    .orderBy(asc(sections.sortOrder));
}

export type QuoteView = Pick<QuoteRow, "id" | "speaker" | "title" | "text" | "version" | "updatedAt"> & { section: QuoteRow["sectionKey"] };

export async function listYearQuotes(db: Executor, year: number): Promise<QuoteView[]> {
  return (await listQuotesOfYears(db, eq(quotes.year, year))).map(({ year: _year, ...quote }) => quote);
}

/** Quotes of the years `which` picks, in report order within each year (newest year first). */
export async function listQuotesOfYears(db: Executor, which: SQL): Promise<(QuoteView & { year: number })[]> {
  return db
    .select({
      year: quotes.year,
      id: quotes.id,
      speaker: quotes.speaker,
      title: quotes.title,
      section: quotes.sectionKey,
      text: quotes.text,
      version: quotes.version,
      updatedAt: quotes.updatedAt,
    })
    .from(quotes)
    .innerJoin(sections, eq(sections.key, quotes.sectionKey))
    .where(and(which, isNull(quotes.deletedAt)))
    .orderBy(desc(quotes.year), asc(sections.sortOrder), asc(quotes.sortOrder), asc(quotes.id));
}

export type YearDetail = {
  year: number;
  status: YearStatus;
  lockedAt: Date | null;
  lockedBy: string | null;
  returnMessage: string | null;
  returnedBy: string | null;
};

const returner = alias(users, "returner");

/**
 * The year with the names of whoever locked or last returned it, for the page's notices. Read
 * once per server render (React's request cache): the (app) layout asks whether the year exists,
 * the page what it shows. Outside a render every call reads.
 */
export const findYearDetail: (db: Executor, year: number) => Promise<YearDetail | null> = cache(async (db: Executor, year: number) => {
  const [row] = await db
    .select({
      year: reportingYears.year,
      status: reportingYears.status,
      lockedAt: reportingYears.lockedAt,
      lockedBy: users.name,
      returnMessage: reportingYears.returnMessage,
      returnedBy: returner.name,
    })
    .from(reportingYears)
    .leftJoin(users, eq(users.id, reportingYears.lockedBy))
    .leftJoin(returner, eq(returner.id, reportingYears.returnedBy))
    .where(eq(reportingYears.year, year));
  return row ?? null;
});

export type YearStatusRow = Omit<ReportingYear, "valueCount">;

/**
 * Every reporting year with its status, newest first, read once per server render however many
 * parts of a page ask (the dashboard's years and its checks' newest ones); outside a render every
 * call reads.
 */
export const listYearsNewestFirst: (db: Executor) => Promise<YearStatusRow[]> = cache(async (db: Executor) =>
  db
    .select({ year: reportingYears.year, status: reportingYears.status, lockedAt: reportingYears.lockedAt, returnMessage: reportingYears.returnMessage })
    .from(reportingYears)
    .orderBy(desc(reportingYears.year)),
);
