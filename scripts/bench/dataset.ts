/**
 * The benchmark's data, generated in the database itself (INSERT … SELECT generate_series):
 * 200,000 revisions take seconds this way, where 200,000 round trips would take minutes.
 * Every statement is plain SQL that PostgreSQL 15 and PGlite (18) both accept.
 */
import type { OpenedDatabase } from "@/db/connect";
import { runMigrations } from "@/db/migrate";
import { seedDatabase } from "@/db/seed/seed";

export type Scale = {
  years: number;
  metrics: number;
  revisions: number;
  /** Revisions of the one "hot" value whose history page is measured. */
  hotRevisions: number;
  quotes: number;
  /** Rows of the large import (the bulk phase adds this many archived metrics). */
  bulkRows: number;
  requests: number;
};

export const FULL: Scale = { years: 25, metrics: 400, revisions: 200_000, hotRevisions: 5_000, quotes: 1_000, bulkRows: 10_000, requests: 50 };
export const QUICK: Scale = { years: 7, metrics: 80, revisions: 4_000, hotRevisions: 500, quotes: 100, bulkRows: 1_000, requests: 10 };

/** The last year of the generated range: the dashboard shows it, the year page and the saves use it. */
export const MAIN_YEAR = 2024;
/** Holds only the bulk import's archived metrics, so they never appear on the measured pages. */
export const BULK_YEAR = 1990;

/** Runs SQL on either engine and returns the rows. */
export type Sql = (text: string) => Promise<Record<string, unknown>[]>;

export function sqlOf(opened: OpenedDatabase): Sql {
  if (opened.pglite) {
    const client = opened.pglite;
    return async (text) => (await client.query<Record<string, unknown>>(text)).rows;
  }
  const pool = opened.pool!;
  return async (text) => (await pool.query(text)).rows as Record<string, unknown>[];
}

export type DatasetFacts = {
  years: number;
  metrics: number;
  values: number;
  revisions: number;
  quotes: number;
  hotKey: string;
  hotRevisions: number;
  saveKey: string;
  floorKey: string;
  compareFrom: number;
  seconds: number;
};

export async function buildDataset(opened: OpenedDatabase, scale: Scale): Promise<DatasetFacts> {
  const started = performance.now();
  await runMigrations(opened);
  await seedDatabase(opened.db);
  const q = sqlOf(opened);
  const firstYear = MAIN_YEAR - scale.years + 1;

  await q(`insert into reporting_years (year) select g from generate_series(${firstYear}, ${MAIN_YEAR}) g on conflict do nothing`);
  await q(`
    with s as (select array_agg(key order by sort_order) a from sections), have as (select count(*)::int n from metrics)
    insert into metrics (key, label, section_key, unit, direction, sort_order)
    select 'bench_m' || lpad(g::text, 4, '0'), 'Benchmark figure ' || g, s.a[1 + g % array_length(s.a, 1)], 'count', 'up', 1000 + g
    from s, have, generate_series(1, greatest(0, ${scale.metrics} - have.n)) g`);
  await q(`
    insert into metric_values (metric_id, year, value, source, version)
    select m.id, y.year, (m.id * 1000 + y.year)::double precision, 'benchmark data', 1
    from metrics m cross join reporting_years y
    on conflict do nothing`);

  // The hot value is the first metric of the main year; the save and the floor's save use two others.
  const keys = (await q(`select key from metrics order by id limit 3`)).map((r) => String(r.key));
  const [hotKey, saveKey, floorKey] = keys as [string, string, string];
  const [{ n: valueCount }] = (await q(`select count(*)::int n from metric_values`)) as [{ n: number }];
  const rest = scale.revisions - scale.hotRevisions;
  const others = valueCount - 1;
  const base = Math.floor(rest / others);
  const extra = rest - base * others;
  // Each value's version is its number of revisions, so the revisions add up to the target exactly.
  await q(`
    with ranked as (
      -- The hot value ranks last, so it never takes one of the "base + 1" places.
      select v.id, row_number() over (order by (m.key = '${hotKey}' and v.year = ${MAIN_YEAR}), v.id) rn, (m.key = '${hotKey}' and v.year = ${MAIN_YEAR}) hot
      from metric_values v join metrics m on m.id = v.metric_id
    )
    update metric_values v set version = case when r.hot then ${scale.hotRevisions} when r.rn <= ${extra} then ${base + 1} else ${base} end,
      value = v.value + case when r.hot then ${scale.hotRevisions} when r.rn <= ${extra} then ${base + 1} else ${base} end
    from ranked r where r.id = v.id`);
  await q(`
    insert into value_revisions (value_id, metric_id, year, value, source, version, changed_at, reason)
    select v.id, v.metric_id, v.year, v.value - (v.version - g), v.source, g, now() - (v.version - g) * interval '1 hour', 'benchmark data'
    from metric_values v
    cross join lateral generate_series(coalesce((select max(r.version) from value_revisions r where r.value_id = v.id), 0) + 1, v.version) g`);

  await q(`
    with y as (select array_agg(year order by year) a from reporting_years), s as (select array_agg(key order by sort_order) a from sections),
      have as (select count(*)::int n from quotes)
    insert into quotes (year, speaker, title, section_key, text, sort_order)
    select y.a[1 + g % array_length(y.a, 1)], 'Speaker ' || g, 'Official ' || g, s.a[1 + g % array_length(s.a, 1)],
      'Benchmark quote ' || g || ': ' || repeat('peace and security ', 8), 100 + g
    from y, s, have, generate_series(1, greatest(0, ${scale.quotes} - have.n)) g`);
  await q(`
    insert into quote_revisions (quote_id, year, action, speaker, title, section_key, text, version, reason)
    select q.id, q.year, 'create', q.speaker, q.title, q.section_key, q.text, q.version, 'benchmark data'
    from quotes q where not exists (select 1 from quote_revisions r where r.quote_id = q.id)`);
  await q(`analyze`);

  const [facts] = (await q(`
    select (select count(*)::int from reporting_years) years, (select count(*)::int from metrics) metrics,
      (select count(*)::int from metric_values) "values", (select count(*)::int from value_revisions) revisions,
      (select count(*)::int from quotes) quotes,
      (select v.version from metric_values v join metrics m on m.id = v.metric_id where m.key = '${hotKey}' and v.year = ${MAIN_YEAR}) hot`)) as [
    Record<string, number>,
  ];
  return {
    years: facts.years!,
    metrics: facts.metrics!,
    values: facts.values!,
    revisions: facts.revisions!,
    quotes: facts.quotes!,
    hotKey,
    hotRevisions: facts.hot!,
    saveKey,
    floorKey,
    compareFrom: MAIN_YEAR - 1,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * The large import needs as many metrics as rows (a file names each metric once). They are
 * archived and hold values only in BULK_YEAR, so the measured pages of the other years skip them.
 */
export async function addBulkMetrics(opened: OpenedDatabase, rows: number): Promise<string[]> {
  const q = sqlOf(opened);
  await q(`insert into reporting_years (year) values (${BULK_YEAR}) on conflict do nothing`);
  await q(`
    with s as (select key from sections order by sort_order limit 1)
    insert into metrics (key, label, section_key, unit, direction, archived, sort_order)
    select 'bulk_m' || lpad(g::text, 5, '0'), 'Bulk figure ' || g, s.key, 'count', 'up', true, 5000 + g
    from s, generate_series(1, ${rows}) g on conflict do nothing`);
  await q(`
    insert into metric_values (metric_id, year, value, source, version)
    select id, ${BULK_YEAR}, 0, 'benchmark data', 1 from metrics where key like 'bulk\\_m%' on conflict do nothing`);
  await q(`
    insert into value_revisions (value_id, metric_id, year, value, source, version, reason)
    select v.id, v.metric_id, v.year, v.value, v.source, 1, 'benchmark data' from metric_values v
    where v.year = ${BULK_YEAR} and not exists (select 1 from value_revisions r where r.value_id = v.id)`);
  await q(`analyze`);
  return (await q(`select key from metrics where key like 'bulk\\_m%' order by key`)).map((r) => String(r.key));
}
