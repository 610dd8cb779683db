import "server-only";
import { cache } from "react";
import { asc, eq, sql } from "drizzle-orm";
import type { Direction, Unit } from "@/lib/domain";
import { metricValues, metrics, sections } from "../schema";
import type { Executor } from "../client";
import { rowsOf } from "../rows";
import { cachedByKey } from "../keyed-cache";

export type Section = { key: string; title: string; sortOrder: number };
export type Metric = {
  id: number;
  key: string;
  label: string;
  section: string;
  unit: Unit;
  direction: Direction;
  description: string | null;
  min: number | null;
  max: number | null;
  warnMin: number | null;
  warnMax: number | null;
  warnChangePct: number | null;
  archived: boolean;
};

export async function listSections(db: Executor): Promise<Section[]> {
  return db.select().from(sections).orderBy(asc(sections.sortOrder));
}

const metricColumns = {
  id: metrics.id,
  key: metrics.key,
  label: metrics.label,
  section: metrics.sectionKey,
  unit: metrics.unit,
  direction: metrics.direction,
  description: metrics.description,
  min: metrics.min,
  max: metrics.max,
  warnMin: metrics.warnMin,
  warnMax: metrics.warnMax,
  warnChangePct: metrics.warnChangePct,
  archived: metrics.archived,
};

/** In report order: by section, then the metric's own order. */
export async function listMetrics(db: Executor, opts: { includeArchived?: boolean } = {}): Promise<Metric[]> {
  return db
    .select(metricColumns)
    .from(metrics)
    .innerJoin(sections, eq(sections.key, metrics.sectionKey))
    .where(opts.includeArchived === false ? eq(metrics.archived, false) : undefined)
    .orderBy(asc(sections.sortOrder), asc(metrics.sortOrder), asc(metrics.id));
}

/**
 * A digest of every metric and section row, all columns: any change to the catalogue changes it.
 * Metrics carry no version to sum (as values do), and their updated_at is the time a transaction
 * began, so a digest of the rows is what a cache can trust; 400 metrics take PostgreSQL about
 * a millisecond (a round trip included), against several of Node's to read and map them.
 */
async function catalogueDigest(db: Executor): Promise<string> {
  const [row] = rowsOf<{ digest: string }>(
    await db.execute(sql`select md5(
      coalesce((select string_agg(m::text, '|' order by m.id) from ${metrics} m), '') || '#' ||
      coalesce((select string_agg(s::text, '|' order by s.key) from ${sections} s), '')) as digest`),
  );
  return row!.digest;
}

/**
 * listMetrics (archived included), read again only after the catalogue changed (see cachedByKey).
 * The year page, the dashboard, the comparison and the checks each need the whole catalogue on
 * every request; within one server render its digest is read once however many parts ask
 * (React's request cache; outside a render every call reads the digest).
 */
export const listMetricsCached: (db: Executor) => Promise<readonly Metric[]> = cache(
  cachedByKey(catalogueDigest, async (db) =>
    // Frozen, rows too: every request shares them.
    Object.freeze((await listMetrics(db)).map((m) => Object.freeze(m))),
  ),
);

export async function findMetric(db: Executor, key: string): Promise<Metric | null> {
  const [row] = await db.select(metricColumns).from(metrics).where(eq(metrics.key, key));
  return row ?? null;
}

/** Years in which each metric holds a row, for every metric that has one: what fixes a metric's unit. */
export async function listMetricValueYears(db: Executor, metricKey?: string): Promise<Map<string, number[]>> {
  const rows = await db
    .selectDistinct({ key: metrics.key, year: metricValues.year })
    .from(metricValues)
    .innerJoin(metrics, eq(metrics.id, metricValues.metricId))
    .where(metricKey === undefined ? undefined : eq(metrics.key, metricKey))
    .orderBy(asc(metrics.key), asc(metricValues.year));
  const years = new Map<string, number[]>();
  for (const r of rows) years.set(r.key, [...(years.get(r.key) ?? []), r.year]);
  return years;
}
