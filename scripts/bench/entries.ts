/**
 * What the benchmark measures, one declarative entry each: the request, and the "floor", the
 * same rows read (or written) with direct SQL, so a slow page can be told apart from a slow
 * query. An entry whose route answers 404 or 405 is reported as "not available yet".
 */
import { BULK_YEAR, MAIN_YEAR, type DatasetFacts } from "./dataset";

export type Context = DatasetFacts & {
  /** The year's (non-archived) metrics: the rows of the 400-row import. */
  importMetrics: Bounded[];
  /** The archived metrics of the large import (counts without bounds). */
  bulkKeys: string[];
  /** The version the next save must send; updated from each save's answer. */
  saveVersion: number;
  /** The benchmark token's sha256, as the guard looks it up. */
  tokenHash: string;
};

type Bounded = { key: string; unit: string; min: number | null; max: number | null };

export type Entry = {
  name: string | ((c: Context) => string);
  method: "GET" | "PUT" | "POST";
  path: (c: Context) => string;
  /** Pages use the session cookie, as a browser does; the API uses a token, as a script does. */
  auth: "session" | "token" | "none";
  body?: (c: Context, i: number) => { type: string; data: string };
  /** Reads what the next request needs from this one's answer (the save's new version). */
  after?: (c: Context, text: string) => void;
  /** SQL statements run as one script; `i` makes each write differ from the last. */
  floor: (c: Context, i: number) => string;
  /** "bulk": measured after the bulk metrics are added, on a restarted server. */
  phase?: "bulk";
  /** Names a baseline entry, so a target entry can say which one it is compared with. */
  baselineKey?: "api" | "page";
  /**
   * The same tiny signed-in read served three ways, compared as ratios: by the app, by a bare
   * Next route handler (no proxy, no guard) and by a bare node:http server with pg (no Next).
   */
  layer?: "app" | "bare-route" | "bare-http";
  /**
   * Target on the p95, and on the p95 against the floor's p95; `baseline` is what the same kind
   * of answer costs with no data at all, reported beside a ratio target that is below it.
   */
  target?: { p95Ms: number; floorRatio?: number; baseline?: "api" | "page" };
  /** A page's matching API call (that entry's name): issue 16 asks the page for at most 1.5× its time. */
  matchingApi?: string;
  /** The page (that entry's name) whose rows this floor draws alone, with the same components. */
  rowsFloorOf?: string;
};

const VALUES_API = "values API";
const YEAR_PAGE = "year page /years/{y}";
const DASHBOARD = "dashboard /";
const COMPARE_PAGE = "compare page /compare";
const COMPARE_API = "compare API";

const IMPORT_YEAR = MAIN_YEAR - 2;
/** The floors' writes go to a year of their own, so they never change what the app is measured on. */
const FLOOR_YEAR = MAIN_YEAR - 3;

const yearValuesSql = (year: number) => `
  select m.key, m.label, m.section_key, m.unit, m.direction, m.archived, v.id, v.value, v.qualifier, v.note, v.source, v.version, v.updated_at, u.name
  from metrics m join sections s on s.key = m.section_key
  left join metric_values v on v.metric_id = m.id and v.year = ${year}
  left join users u on u.id = v.updated_by
  where not m.archived or v.id is not null
  order by s.sort_order, m.sort_order, m.id;`;

const quotesSql = (year: number) => `
  select q.id, q.speaker, q.title, q.section_key, q.text, q.version, q.updated_at from quotes q join sections s on s.key = q.section_key
  where q.year = ${year} and q.deleted_at is null order by s.sort_order, q.sort_order, q.id;`;

/** What the guard reads for a token (db/queries/users.ts findUserByTokenHash). */
const tokenSql = (hash: string) => `
  select u.id, u.email, u.name, u.role, t.id, t.last_used_at from api_tokens t join users u on u.id = t.user_id
  where t.token_hash = '${hash}' and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and u.active;`;

const yearsSql = `
  select y.year, y.status, y.locked_at, c.n from reporting_years y
  left join (select year, count(*) n from metric_values where value is not null group by year) c on c.year = y.year order by y.year desc;`;
/** What the dashboard's key figures are built from: the years, the catalogue and every value of every year (their trends). */
const kpiSql = `${yearsSql}
  select * from sections order by sort_order;
  select * from metrics order by sort_order, id;
  select m.key, v.year, v.value, v.qualifier from metric_values v join metrics m on m.id = v.metric_id where v.value is not null order by v.year, m.key;`;

const hotHistorySql = (key: string, limit: string) => `
  select r.id, r.version, r.value, r.qualifier, r.note, r.source, u.name, r.changed_at, r.reason
  from value_revisions r left join users u on u.id = r.changed_by
  where r.value_id = (select v.id from metric_values v join metrics m on m.id = v.metric_id where m.key = '${key}' and v.year = ${MAIN_YEAR})
  order by r.id desc ${limit};`;

/**
 * A whole number within the metric's bounds (a percentage stays ≤ 100) that differs from the
 * previous iteration's, so every row of every import is a real change.
 */
function valueFor(m: Bounded, n: number, i: number): number {
  const lo = Math.ceil(m.min ?? 0);
  // A percentage is at most 100 even when the metric sets no bound of its own.
  const hi = m.max ?? (m.unit === "percent" ? 100 : null);
  const span = hi === null ? 1_000_000 : Math.floor(hi) - lo + 1;
  return lo + ((i * 7 + n) % span);
}

const unbounded = (keys: string[]): Bounded[] => keys.map((key) => ({ key, unit: "count", min: null, max: null }));

/** One upsert of all rows and their revisions, as an import writes them. */
const importSql = (year: number, rows: Bounded[], i: number) => `
  begin;
  with input as (select * from jsonb_to_recordset('${JSON.stringify(rows.map((m, n) => ({ k: m.key, value: valueFor(m, n, i) })))}'::jsonb) as x(k text, value double precision)),
  written as (
    insert into metric_values (metric_id, year, value, version, updated_at)
    select m.id, ${year}, input.value, 1, now() from input join metrics m on m.key = input.k
    on conflict (metric_id, year) do update set value = excluded.value, updated_at = excluded.updated_at, version = metric_values.version + 1
    returning id, metric_id, value, version, updated_at)
  insert into value_revisions (value_id, metric_id, year, value, version, changed_at, reason)
  select id, metric_id, ${year}, value, version, updated_at, 'benchmark floor' from written;
  commit;`;

const csv = (rows: Bounded[], i: number) => ({
  type: "text/csv",
  data: "metric_key,value\r\n" + rows.map((m, n) => `${m.key},${valueFor(m, n, i + 1)}`).join("\r\n") + "\r\n",
});

export const ENTRIES: Entry[] = [
  {
    // What the framework costs with no session and (nearly) no data: the floor of every answer.
    name: "baseline: API route, no session, one trivial query (/api/health)",
    method: "GET",
    path: () => "/api/health",
    auth: "none",
    baselineKey: "api",
    floor: () => `select 1;`,
  },
  {
    name: "baseline: page, no session, one count (/login)",
    method: "GET",
    path: () => "/login",
    auth: "none",
    floor: () => `select count(*) from users;`,
  },
  {
    // What every signed-in page costs before it reads anything: the session check, the layout,
    // React's render. A page whose floor is a few milliseconds cannot be within 3× of it.
    name: "baseline: signed-in page without data (/account)",
    method: "GET",
    path: () => "/account",
    auth: "session",
    baselineKey: "page",
    floor: () => `select id, role, session_version, active from users where email = 'bench-editor@example.org';`,
  },
  {
    name: "tiny signed-in read: years API (GET /api/v1/years, token)",
    method: "GET",
    path: () => "/api/v1/years",
    auth: "token",
    layer: "app",
    floor: (c) => tokenSql(c.tokenHash) + yearsSql,
  },
  {
    // The same query and JSON in a route handler of the same build with nothing of ours around it.
    name: "floor: bare Next route handler, no proxy, no auth (/api/bench-floor)",
    method: "GET",
    path: () => "/api/bench-floor",
    auth: "none",
    layer: "bare-route",
    floor: () => yearsSql,
  },
  {
    // The same token check, query and JSON with no framework at all (scripts/bench/bare-http.ts).
    name: "floor: bare node:http + pg, same token and query",
    method: "GET",
    path: () => "/api/v1/years",
    auth: "token",
    layer: "bare-http",
    floor: (c) => tokenSql(c.tokenHash) + yearsSql,
  },
  {
    name: DASHBOARD,
    method: "GET",
    path: () => "/",
    auth: "session",
    // The dashboard's KPIs are the year's figures against their previous ones, as the values API lists them.
    matchingApi: VALUES_API,
    // What the dashboard reads: the years, the catalogue, every value of every year (its trends)
    // and the newest edits.
    floor: () => `${kpiSql}
      select r.id, r.year, m.key, m.label, m.unit, r.value, r.qualifier, r.reason, u.name, r.changed_at
      from value_revisions r join metrics m on m.id = r.metric_id left join users u on u.id = r.changed_by order by r.id desc limit 10;`,
    target: { p95Ms: 150, floorRatio: 3, baseline: "page" },
  },
  {
    name: YEAR_PAGE,
    method: "GET",
    path: () => `/years/${MAIN_YEAR}`,
    auth: "session",
    matchingApi: VALUES_API,
    floor: () =>
      `select * from reporting_years where year = ${MAIN_YEAR}; select * from sections order by sort_order;` + yearValuesSql(MAIN_YEAR) + quotesSql(MAIN_YEAR),
  },
  {
    // The year page's figures drawn by the same grid in a page of the app with nothing else (app/(app)/bench-floor/years/[year]).
    name: "floor: the year page's figures drawn alone (/bench-floor/years/{y})",
    method: "GET",
    path: () => `/bench-floor/years/${MAIN_YEAR}`,
    auth: "session",
    rowsFloorOf: YEAR_PAGE,
    floor: () => `select * from sections order by sort_order;` + yearValuesSql(MAIN_YEAR),
  },
  {
    name: COMPARE_PAGE,
    method: "GET",
    path: (c) => `/compare?from=${c.compareFrom}&to=${MAIN_YEAR}`,
    auth: "session",
    matchingApi: COMPARE_API,
    floor: (c) => yearValuesSql(c.compareFrom) + yearValuesSql(MAIN_YEAR) + quotesSql(c.compareFrom) + quotesSql(MAIN_YEAR),
    target: { p95Ms: 150, floorRatio: 3, baseline: "page" },
  },
  {
    // The dashboard's key figures and charts drawn by the same components in a page of the app with nothing else (app/(app)/bench-floor/dashboard).
    name: "floor: the dashboard's key figures and charts drawn alone (/bench-floor/dashboard)",
    method: "GET",
    path: () => "/bench-floor/dashboard",
    auth: "session",
    rowsFloorOf: DASHBOARD,
    floor: () => kpiSql,
  },
  {
    // The comparison drawn by the same table in a page of the app with nothing else (app/(app)/bench-floor/compare).
    name: "floor: the comparison drawn alone (/bench-floor/compare)",
    method: "GET",
    path: (c) => `/bench-floor/compare?from=${c.compareFrom}&to=${MAIN_YEAR}`,
    auth: "session",
    rowsFloorOf: COMPARE_PAGE,
    floor: (c) => yearValuesSql(c.compareFrom) + yearValuesSql(MAIN_YEAR) + quotesSql(c.compareFrom) + quotesSql(MAIN_YEAR),
  },
  {
    name: VALUES_API,
    method: "GET",
    path: () => `/api/v1/years/${MAIN_YEAR}/values`,
    auth: "token",
    floor: () => yearValuesSql(MAIN_YEAR),
  },
  {
    name: COMPARE_API,
    method: "GET",
    path: (c) => `/api/v1/compare?from=${c.compareFrom}&to=${MAIN_YEAR}`,
    auth: "token",
    floor: (c) => yearValuesSql(c.compareFrom) + yearValuesSql(MAIN_YEAR) + quotesSql(c.compareFrom) + quotesSql(MAIN_YEAR),
    target: { p95Ms: 150, floorRatio: 3, baseline: "api" },
  },
  {
    name: "save (PUT value)",
    method: "PUT",
    path: (c) => `/api/v1/years/${MAIN_YEAR}/values/${c.saveKey}`,
    auth: "token",
    body: (c, i) => ({ type: "application/json", data: JSON.stringify({ value: 1_000_000 + i, version: c.saveVersion }) }),
    after: (c, text) => {
      c.saveVersion = (JSON.parse(text) as { version: number }).version;
    },
    floor: (c, i) => `
      begin;
      select status from reporting_years where year = ${MAIN_YEAR} for share;
      select id, unit, min, max, archived from metrics where key = '${c.floorKey}';
      select * from metric_values where metric_id = (select id from metrics where key = '${c.floorKey}') and year = ${MAIN_YEAR};
      with u as (
        update metric_values set value = ${2_000_000 + i}, version = version + 1, updated_at = now()
        where metric_id = (select id from metrics where key = '${c.floorKey}') and year = ${MAIN_YEAR} returning *)
      insert into value_revisions (value_id, metric_id, year, value, version, changed_at) select id, metric_id, year, value, version, updated_at from u;
      insert into audit_log (action, year, metric_key) values ('benchmark_floor', ${MAIN_YEAR}, '${c.floorKey}');
      commit;`,
    target: { p95Ms: 50 },
  },
  {
    name: (c) => `import, ${c.importMetrics.length.toLocaleString("en-US")} rows (CSV)`,
    method: "POST",
    path: () => `/api/v1/years/${IMPORT_YEAR}/import`,
    auth: "token",
    body: (c, i) => csv(c.importMetrics, i),
    floor: (c, i) => importSql(FLOOR_YEAR, c.importMetrics, i),
  },
  {
    name: "year export (XLSX)",
    method: "GET",
    path: () => `/api/v1/years/${MAIN_YEAR}/export?format=xlsx`,
    auth: "token",
    floor: () => yearValuesSql(MAIN_YEAR) + quotesSql(MAIN_YEAR),
    target: { p95Ms: 500 },
  },
  {
    name: "all-years export (CSV)",
    method: "GET",
    path: () => `/api/v1/export?format=csv`,
    auth: "token",
    floor: () => `
      select v.year, m.section_key, m.key, m.label, m.unit, v.value, v.qualifier, v.note, v.source, v.updated_at, u.name
      from metric_values v join metrics m on m.id = v.metric_id join sections s on s.key = m.section_key left join users u on u.id = v.updated_by
      order by v.year, s.sort_order, m.sort_order, m.id;`,
  },
  {
    name: (c) => `history page (${c.hotRevisions.toLocaleString("en-US")} revisions)`,
    method: "GET",
    path: (c) => `/years/${MAIN_YEAR}/history/${c.hotKey}`,
    auth: "session",
    // The newest page of revisions (100, and one more to mark what the oldest changed).
    floor: (c) => hotHistorySql(c.hotKey, "limit 101"),
    target: { p95Ms: 100 },
  },
  {
    name: (c) => `history API, newest 100 of ${c.hotRevisions.toLocaleString("en-US")} revisions`,
    method: "GET",
    path: (c) => `/api/v1/years/${MAIN_YEAR}/values/${c.hotKey}/history?limit=100`,
    auth: "token",
    floor: (c) => hotHistorySql(c.hotKey, "limit 101"),
  },
  {
    // The contract's "every revision": read and sent 500 at a time.
    name: (c) => `history API, all ${c.hotRevisions.toLocaleString("en-US")} revisions`,
    method: "GET",
    path: (c) => `/api/v1/years/${MAIN_YEAR}/values/${c.hotKey}/history`,
    auth: "token",
    floor: (c) => hotHistorySql(c.hotKey, ""),
  },
  {
    name: (c) => `import, ${c.bulkKeys.length.toLocaleString("en-US")} rows (CSV)`,
    method: "POST",
    path: () => `/api/v1/years/${BULK_YEAR}/import`,
    auth: "token",
    body: (c, i) => csv(unbounded(c.bulkKeys), i),
    floor: (c, i) => importSql(BULK_YEAR, unbounded(c.bulkKeys), i + 1_000),
    phase: "bulk",
    target: { p95Ms: 3_000 },
  },
];
