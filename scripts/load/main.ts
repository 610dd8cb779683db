/**
 * `npm run test:load [-- --seconds 60 --editors 50 --think --servers 2 --fresh]`: simultaneous
 * editors against the production build on PostgreSQL (DATABASE_URL). Each reads the year page,
 * the dashboard and the values API (session cookie, as a browser) and saves values (API token, as
 * a script), a fifth of the saves deliberately from a stale version and a tenth without one (last
 * write wins). Without --think they do so back to back (50 editors by default); with --think
 * (200 by default) each saves every 5–20 s and reads once in between, as people at work do.
 * --servers 2 starts two `next start` processes on the one database and sends each editor's
 * requests to them in turn.
 *
 * Then it checks: no 5xx; every accepted save has exactly one revision (by value and version);
 * the final versions count every accepted save; every stale save got 409 and every save without
 * a version was accepted; every server's dashboard shows the final values; and, before the
 * storm, that the servers agree (scripts/load/cross-instance.ts: a save through one is on every
 * other's dashboard at once, failed sign-ins add up across them, sessions hold and end on all).
 * Exits non-zero on any violation; appends to docs/benchmarks.md.
 * Loopback only, bounded in time (--seconds), editors (at most 200) and servers (at most 4);
 * LOAD_PORT (default 3320) is the first server's port, the next ones follow it.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { Client } from "pg";
import type { Qualifier, Unit } from "@/lib/domain";
import { formatValue } from "@/lib/numbers/format";
import { postgresAdminUrl, wholeNumber } from "../bench/args";
import { percentile, signIn, withToken, type Caller } from "../bench/http";
import { appendLoadResult, machine, markdownTable, ms, textTable } from "../bench/report";
import { createScratchDatabase } from "../bench/scratch-database";
import { cpuPressureUs, ensureBuild, machineTicks, postgresCpuMs, processUsage, startServer, waitHealthy, type Server } from "../bench/server";
import { REQUEST_TIMEOUT_MS, request } from "./client";
import { dashboardFigure, onServer, savesSeenEverywhere, sessionsShared, throttleShared } from "./cross-instance";
import { contestedFigures, seedWithPeople } from "./set-up";
import { readKindOf, THINK_MAX_MS, THINK_MIN_MS, THINK_TARGET_P95_MS } from "./think-mix";

const PORT = Number(process.env.LOAD_PORT ?? 3320);
const LOAD_YEAR = 2095;
/** Values the editors fight over: few enough that honest conflicts happen too. */
const POOL_SIZE = 20;
const STALE_SHARE = 0.2;
/** Saves that send no version: API.md makes it optional, and such a save must never be refused. */
const BLIND_SHARE = 0.1;
const PASSWORD = "load test lantern crosses nine bridges";
/** The issue's targets (16, point 4). */
const TARGETS = { storm: { perSecond: 150, p95: 500 }, think: { p95: THINK_TARGET_P95_MS } };

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    editors: { type: "string" },
    think: { type: "boolean", default: false },
    servers: { type: "string", default: "1" },
    fresh: { type: "boolean", default: false },
    "floor-pages": { type: "boolean", default: false },
  },
  strict: true,
});
const seconds = wholeNumber("seconds", args.seconds, 1, 3600);
const editorCount = wholeNumber("editors", args.editors ?? (args.think ? "200" : "50"), 1, 200);
const serverCount = wholeNumber("servers", args.servers, 1, 4);
/**
 * --floor-pages: the same run with the year page and the dashboard replaced by what each shows,
 * drawn alone by the same components in a page of the app with nothing else (app/(app)/bench-floor, decision 040): the least any
 * page showing them costs under the same load.
 */
const floorPages = args["floor-pages"];
const PAGES = floorPages ? { year: `/bench-floor/years/${LOAD_YEAR}`, dashboard: "/bench-floor/dashboard" } : { year: `/years/${LOAD_YEAR}`, dashboard: "/" };
const adminUrl = postgresAdminUrl("the load test needs DATABASE_URL=postgres://… (add --fresh to run in a new database on that server)");

type Kind = "year page" | "dashboard" | "values API" | "save" | "stale save" | "save without version";
type Sample = { kind: Kind; status: number; ms: number };
type Accepted = { key: string; version: number; value: number };

type Editor = { index: number; session: Caller; token: Caller; seen: Map<string, number>; bases: string[]; turn: number };
type Out = { samples: Sample[]; accepted: Accepted[]; staleNot409: string[]; unexpected: string[] };

/** Each of an editor's requests goes to the next server in turn: sessions and tokens must hold on all of them. */
function via(editor: Editor, caller: Caller): Caller {
  return onServer(caller, editor.bases[editor.turn++ % editor.bases.length]!);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readVersions(editor: Editor, text: string, pool: Set<string>) {
  const rows = JSON.parse(text) as { metricKey: string; version: number }[] | { values: { metricKey: string; version: number }[] };
  for (const row of Array.isArray(rows) ? rows : rows.values) if (pool.has(row.metricKey)) editor.seen.set(row.metricKey, row.version);
}

/** One editor's moves: a read of some kind, or a save (fresh, stale or without a version). */
function editorMoves(editor: Editor, pool: string[], out: Out) {
  const poolSet = new Set(pool);
  let counter = 0;
  const record = (kind: Kind, r: { status: number; ms: number; text: string }, expected: number[]) => {
    out.samples.push({ kind, status: r.status, ms: r.ms });
    if (!expected.includes(r.status)) out.unexpected.push(`${kind} → ${r.status} ${r.text.slice(0, 120).replace(/\s+/g, " ")}`);
  };
  const readValues = async () => {
    const r = await request(via(editor, editor.token), "GET", `/api/v1/years/${LOAD_YEAR}/values`);
    record("values API", r, [200]);
    if (r.status === 200) readVersions(editor, r.text, poolSet);
  };
  /** `roll` in [0, 1): the year page, the dashboard or the values API, in their shares (think-mix.ts). */
  const read = async (roll: number) => {
    const kind = readKindOf(roll);
    if (kind === "values API") return readValues();
    // A page is only timed: its text is not needed, as a refusal's still is.
    const page = kind === "year page" ? PAGES.year : PAGES.dashboard;
    record(kind, await request(via(editor, editor.session), "GET", page, undefined, { timeOnly: true }), [200]);
  };
  const save = async () => {
    const key = pool[Math.floor(Math.random() * pool.length)]!;
    const seen = editor.seen.get(key) ?? 1;
    // Unique per save, so the revision it wrote can be found by value and version.
    const value = editor.index * 1_000_000 + ++counter;
    const path = `/api/v1/years/${LOAD_YEAR}/values/${key}`;
    const kind = Math.random();
    if (kind < BLIND_SHARE) {
      const r = await request(via(editor, editor.token), "PUT", path, { value, reason: "load test (no version)" });
      record("save without version", r, [200]);
      if (r.status === 200) {
        const saved = JSON.parse(r.text) as { version: number };
        out.accepted.push({ key, version: saved.version, value });
        editor.seen.set(key, saved.version);
      }
    } else if (kind < BLIND_SHARE + STALE_SHARE) {
      // Versions only grow and every pooled value has a row, so anything below what was seen is stale.
      const r = await request(via(editor, editor.token), "PUT", path, { value, version: seen - 1, reason: "load test (stale)" });
      record("stale save", r, [409]);
      if (r.status !== 409) out.staleNot409.push(`${key}@${seen - 1} → ${r.status}`);
    } else {
      const r = await request(via(editor, editor.token), "PUT", path, { value, version: seen, reason: "load test" });
      record("save", r, [200, 409]);
      if (r.status === 200) {
        const saved = JSON.parse(r.text) as { version: number; value: number };
        out.accepted.push({ key, version: saved.version, value });
        editor.seen.set(key, saved.version);
      } else if (r.status === 409) {
        // Someone else saved first: take their version, as the editor would after reviewing it.
        const current = (JSON.parse(r.text) as { current?: { version?: number } }).current;
        if (current?.version) editor.seen.set(key, current.version);
        else await readValues();
      }
    }
  };
  return { readValues, read, save };
}

/** No think time: requests back to back, a save more often than not. */
async function runEditor(editor: Editor, pool: string[], deadline: number, out: Out) {
  const moves = editorMoves(editor, pool, out);
  await moves.readValues();
  while (Date.now() < deadline) {
    const roll = Math.random();
    if (roll < 0.45) await moves.read(roll / 0.45);
    else await moves.save();
  }
}

/**
 * With think time: a save every 5–20 s and one read at a random moment in between. Editors start
 * at random points of their first interval, so they do not arrive together.
 */
async function runThinkingEditor(editor: Editor, pool: string[], deadline: number, out: Out) {
  const moves = editorMoves(editor, pool, out);
  // Every wait ends at the deadline at the latest, so the run lasts --seconds and no longer.
  const until = async (ms: number) => {
    await pause(Math.max(0, Math.min(ms, deadline - Date.now())));
    return Date.now() < deadline;
  };
  if (!(await until(Math.random() * THINK_MAX_MS))) return;
  await moves.readValues();
  while (Date.now() < deadline) {
    const interval = THINK_MIN_MS + Math.random() * (THINK_MAX_MS - THINK_MIN_MS);
    const readAt = Math.random() * interval;
    if (!(await until(readAt))) break;
    await moves.read(Math.random());
    if (!(await until(interval - readAt))) break;
    await moves.save();
  }
}

/** The contested values whose dashboard card (in their section's view of LOAD_YEAR) differs from the database. */
async function dashboardMismatches(db: Client, session: Caller, pool: string[], label: string): Promise<string[]> {
  const rows = (
    await db.query(
      `select m.key, m.section_key, m.unit, v.value, v.qualifier from metric_values v join metrics m on m.id = v.metric_id where v.year = $1 and m.key = any($2)`,
      [LOAD_YEAR, pool],
    )
  ).rows as { key: string; section_key: string; unit: Unit; value: string | null; qualifier: Qualifier }[];
  const pages = new Map<string, string>();
  const mismatches: string[] = [];
  for (const r of rows) {
    if (!pages.has(r.section_key)) pages.set(r.section_key, (await request(session, "GET", `/?year=${LOAD_YEAR}&section=${r.section_key}`)).text);
    const html = pages.get(r.section_key)!;
    const shown = dashboardFigure(html, r.key);
    const expected = formatValue(r.value === null ? null : Number(r.value), r.unit, r.qualifier);
    if (shown !== expected) mismatches.push(`${label}: ${r.key} shows ${shown}, is ${expected}`);
  }
  return mismatches;
}

type CpuReading = {
  servers: (number | null)[];
  postgres: number | null;
  generator: number;
  machine: ReturnType<typeof machineTicks>;
  pressureUs: number | null;
};

function cpuNow(servers: Server[]): CpuReading {
  const own = process.cpuUsage();
  return {
    servers: servers.map((s) => processUsage(s.child.pid!)?.cpuMs ?? null),
    postgres: postgresCpuMs(),
    generator: (own.user + own.system) / 1000,
    machine: machineTicks(),
    pressureUs: cpuPressureUs(),
  };
}

/**
 * Where the machine's CPU went during the run, as shares of one core: each app server, PostgreSQL,
 * and this load generator. Pages wait for the processor when the servers' shares near one core
 * each, or the three together near the machine's cores (null where /proc cannot tell).
 */
function cpuShares(before: CpuReading, after: CpuReading, seconds: number): string | null {
  const share = (a: number | null, b: number | null) => (a === null || b === null ? null : (b - a) / 1000 / seconds);
  const servers = before.servers.map((b, i) => share(b, after.servers[i] ?? null));
  const postgres = share(before.postgres, after.postgres);
  if (servers.some((s) => s === null) || postgres === null) return null;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const generator = share(before.generator, after.generator)!;
  const shares = `CPU during the run, as shares of one core (${os.cpus().length} cores): app server${servers.length > 1 ? "s" : ""} ${servers.map((s) => pct(s!)).join(" + ")}, PostgreSQL ${pct(postgres)}, this load generator ${pct(generator)}`;
  // The whole machine beside them (helper threads and anything else running count too), and how
  // often a runnable task had to wait for a core: what tells contended cores from a slow process.
  const busy = before.machine && after.machine ? (after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total) : null;
  const waited = before.pressureUs !== null && after.pressureUs !== null ? (after.pressureUs - before.pressureUs) / 1e6 / seconds : null;
  return (
    shares +
    (busy === null ? "" : `; the machine ${pct(busy)} busy over all its cores`) +
    (waited === null ? "" : `, some task waiting for a core ${pct(waited)} of the time (/proc/pressure/cpu)`)
  );
}

async function main() {
  ensureBuild();
  const scratch = args.fresh ? await createScratchDatabase(adminUrl, "load") : null;
  const databaseUrl = scratch?.url ?? adminUrl;
  const db = new Client({ connectionString: databaseUrl });
  const servers: Server[] = [];
  const stopAll = () => Promise.all(servers.splice(0).map((s) => s.stop()));
  try {
    // People, tokens, the year and the contested values are set up through the data layer first.
    const runId = randomBytes(3).toString("hex");
    const editorEmails = Array.from({ length: editorCount }, (_, i) => `load-${runId}-${i}@example.org`);
    // Two more people, not editors: one is locked out by the throttle check, the other signed out everywhere.
    const [throttled, signedOut] = [`load-${runId}-throttled@example.org`, `load-${runId}-signed-out@example.org`];
    const tokenOf = await seedWithPeople(
      databaseUrl,
      [
        ...editorEmails.map((email, i) => ({ email, name: `Load Editor ${i}`, role: "editor" as const, withToken: true })),
        ...[throttled, signedOut].map((email) => ({ email, name: email.split("@")[0]!, role: "viewer" as const })),
      ],
      PASSWORD,
      "load test",
    );
    const tokens = editorEmails.map((email) => ({ email, token: tokenOf.get(email)! }));
    await db.connect();
    const year = (
      await db.query(`insert into reporting_years (year) values ($1) on conflict (year) do update set year = excluded.year returning status`, [LOAD_YEAR])
    ).rows[0] as { status: string };
    if (year.status !== "open") throw new Error(`${LOAD_YEAR} is locked in this database: use --fresh`);
    const pool = (await contestedFigures(db, POOL_SIZE)).map((f) => f.key);
    // The cross-instance check saves a figure outside the contested pool, so the storm's counts stay exact.
    const [probe] = await contestedFigures(db, 1, pool);
    if (!probe) throw new Error("the catalogue has no figure left outside the contested ones for the cross-instance check");

    // The same database and secret: a session signed by one server is valid on the others.
    const authSecret = randomBytes(32).toString("base64url");
    for (let i = 0; i < serverCount; i++)
      servers.push(startServer(PORT + i, { DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, ...(floorPages ? { BENCH_FLOOR: "1" } : {}) }));
    await Promise.all(servers.map((s) => waitHealthy(s)));
    const bases = servers.map((s) => s.url);
    const base = bases[0]!;
    // Counts without bounds accept every whole number, so each save can carry a unique value.
    // Every contested value gets a row, so "stale" is always below the current version.
    const first = withToken(base, tokens[0]!.token);
    for (const key of pool) {
      const r = await request(first, "PUT", `/api/v1/years/${LOAD_YEAR}/values/${key}`, { value: 0, reason: "load test set-up" });
      if (r.status !== 200) throw new Error(`set-up save of ${key} failed: ${r.status} ${r.text}`);
    }

    const editors: Editor[] = [];
    for (let i = 0; i < editorCount; i++) {
      // Signed in on one server, then used on all of them in turn.
      const session = await signIn(bases[i % bases.length]!, tokens[i]!.email, PASSWORD);
      editors.push({ index: i, session, token: withToken(base, tokens[i]!.token), seen: new Map(), bases, turn: i });
    }

    const crossSaves = await savesSeenEverywhere(request, bases, editors[0]!.token, editors[0]!.session, LOAD_YEAR, probe);
    const crossThrottle = await throttleShared(bases, throttled, PASSWORD);
    const crossSessions = await sessionsShared(request, bases, signedOut, PASSWORD);

    const initial = new Map(
      (
        await db.query(`select m.key, v.version from metric_values v join metrics m on m.id = v.metric_id where v.year = $1 and m.key = any($2)`, [
          LOAD_YEAR,
          pool,
        ])
      ).rows.map((r: { key: string; version: number }) => [r.key, r.version]),
    );
    const maxRevision = Number((await db.query<{ n: number | string }>(`select coalesce(max(id), 0) n from value_revisions`)).rows[0]!.n);
    const loadBefore = os.loadavg();

    const mode =
      (args.think ? `think time ${THINK_MIN_MS / 1000}–${THINK_MAX_MS / 1000} s between saves` : "no think time") +
      (floorPages ? ", the year page and the dashboard replaced by what each shows drawn alone (/bench-floor)" : "");
    console.log(`${editorCount} editors, ${mode}, for ${seconds} s on ${bases.join(" and ")} (PostgreSQL, ${pool.length} contested values in ${LOAD_YEAR})…`);
    const out: Out = { samples: [], accepted: [], staleNot409: [], unexpected: [] };
    const cpuBefore = cpuNow(servers);
    const started = performance.now();
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(editors.map((e) => (args.think ? runThinkingEditor : runEditor)(e, pool, deadline, out)));
    const elapsed = (performance.now() - started) / 1000;
    const cpu = cpuShares(cpuBefore, cpuNow(servers), elapsed);
    const loadAfter = os.loadavg();
    // The dashboard serves values from a cache each process validates against the database
    // (db/queries/value-points.ts): after the storm every server must show every contested value
    // as it ended, not as some request last read it.
    const stale: string[] = [];
    for (const [i, b] of bases.entries()) stale.push(...(await dashboardMismatches(db, onServer(editors[0]!.session, b), pool, `server ${i + 1}`)));
    await stopAll();

    // Verification against the database.
    const violations: string[] = [];
    violations.push(...crossSaves.violations, ...crossThrottle.violations, ...crossSessions);
    if (stale.length > 0)
      violations.push(`the dashboard shows ${stale.length} contested values other than their final figure, e.g. ${stale.slice(0, 3).join("; ")}`);
    const fiveXx = out.samples.filter((s) => s.status >= 500).length;
    if (fiveXx > 0) violations.push(`${fiveXx} responses were 5xx`);
    const dropped = out.samples.filter((s) => s.status === 0).length;
    if (dropped > 0) violations.push(`${dropped} requests got no answer (connection error or ${REQUEST_TIMEOUT_MS / 1000} s timeout)`);
    if (out.unexpected.length > 0) violations.push(`${out.unexpected.length} unexpected statuses, e.g. ${out.unexpected.slice(0, 3).join("; ")}`);
    if (out.staleNot409.length > 0) violations.push(`${out.staleNot409.length} stale saves did not get 409, e.g. ${out.staleNot409.slice(0, 3).join("; ")}`);
    const revisions = (
      await db.query(`select m.key, r.version, r.value from value_revisions r join metrics m on m.id = r.metric_id where r.id > $1 and r.year = $2`, [
        maxRevision,
        LOAD_YEAR,
      ])
    ).rows as { key: string; version: number; value: number }[];
    const byKeyVersion = new Map<string, { value: number }[]>();
    for (const r of revisions) {
      const k = `${r.key}@${r.version}`;
      byKeyVersion.set(k, [...(byKeyVersion.get(k) ?? []), r]);
    }
    let missing = 0;
    for (const a of out.accepted) {
      const found = byKeyVersion.get(`${a.key}@${a.version}`) ?? [];
      if (found.length !== 1 || found[0]!.value !== a.value) missing++;
    }
    if (missing > 0) violations.push(`${missing} accepted saves do not have exactly one revision with their value and version`);
    if (revisions.length !== out.accepted.length) violations.push(`${revisions.length} revisions were written for ${out.accepted.length} accepted saves`);
    const final = new Map(
      (
        await db.query(`select m.key, v.version from metric_values v join metrics m on m.id = v.metric_id where v.year = $1 and m.key = any($2)`, [
          LOAD_YEAR,
          pool,
        ])
      ).rows.map((r: { key: string; version: number }) => [r.key, r.version]),
    );
    for (const key of pool) {
      const expected = (initial.get(key) ?? 0) + out.accepted.filter((a) => a.key === key).length;
      if (final.get(key) !== expected) violations.push(`${key}: final version ${final.get(key)}, expected ${expected} (initial + accepted saves)`);
    }

    const kinds: Kind[] = ["year page", "dashboard", "values API", "save", "stale save", "save without version"];
    const line = (name: string, s: Sample[]) => {
      const t = s.map((x) => x.ms);
      return [
        name,
        String(s.length),
        ms(percentile(t, 50)),
        ms(percentile(t, 95)),
        ms(percentile(t, 99)),
        String(s.filter((x) => x.status >= 500 || x.status === 0).length),
      ];
    };
    const header = ["requests", "n", "p50 ms", "p95 ms", "p99 ms", "errors"];
    const rows = [
      line("all", out.samples),
      ...kinds.map((k) =>
        line(
          k,
          out.samples.filter((s) => s.kind === k),
        ),
      ),
    ];
    const saves = out.samples.filter((s) => s.kind === "save");
    const perSecond = out.samples.length / elapsed;
    const p95 = (s: Sample[]) =>
      percentile(
        s.map((x) => x.ms),
        95,
      );
    const targets = args.think
      ? [
          [
            `p95 of every kind of request ≤ ${TARGETS.think.p95} ms`,
            (() => {
              const over = kinds.filter((k) => p95(out.samples.filter((s) => s.kind === k)) > TARGETS.think.p95);
              return over.length === 0 ? "met" : `MISSED: ${over.map((k) => `${k} ${ms(p95(out.samples.filter((s) => s.kind === k)))} ms`).join(", ")}`;
            })(),
          ],
        ]
      : [
          [`≥ ${TARGETS.storm.perSecond} requests/s`, perSecond >= TARGETS.storm.perSecond ? "met" : `MISSED: ${perSecond.toFixed(1)}`],
          [`p95 of all requests ≤ ${TARGETS.storm.p95} ms`, p95(out.samples) <= TARGETS.storm.p95 ? "met" : `MISSED: ${ms(p95(out.samples))} ms`],
        ];
    const summary = [
      `${out.samples.length.toLocaleString("en-US")} requests in ${elapsed.toFixed(1)} s: ${perSecond.toFixed(1)} requests/s`,
      `saves: ${out.accepted.length} accepted, ${saves.filter((s) => s.status === 409).length} honest conflicts (409), ${out.samples.filter((s) => s.kind === "stale save" && s.status === 409).length} of ${out.samples.filter((s) => s.kind === "stale save").length} deliberately stale saves refused with 409, ${out.samples.filter((s) => s.kind === "save without version" && s.status === 200).length} of ${out.samples.filter((s) => s.kind === "save without version").length} saves without a version accepted`,
      serverCount === 1
        ? `one server: a save read back at once through its values API and dashboard; ${crossThrottle.failures} failed sign-ins locked the account; a signed-out session was refused`
        : `across ${serverCount} servers: ${crossSaves.checked} saves (through each server, read by each) read back at once through the reader's values API and dashboard; ${crossThrottle.failures} failed sign-ins spread over them locked the account on all; a session signed in on server 1 was valid on all and ended on all by one sign-out`,
      ...(cpu ? [cpu] : []),
      `load average ${loadBefore.map((n) => n.toFixed(1)).join(" / ")} before the run, ${loadAfter.map((n) => n.toFixed(1)).join(" / ")} after (2 cores shared with the load generator${serverCount > 1 ? ` and ${serverCount} servers` : ""})`,
      violations.length === 0
        ? "verification: no 5xx; every accepted save has exactly one revision; final versions = initial + accepted saves; every stale save got 409; every save without a version was accepted; every server's dashboard shows every final value; the servers agreed on saves, the sign-in throttle and sessions"
        : `VIOLATIONS:\n- ${violations.join("\n- ")}`,
    ];
    console.log(`\n${textTable(header, rows)}\n\n${textTable(["target", "result"], targets)}\n\n${summary.join("\n")}`);

    const serverVersion = (await db.query<{ v: string }>(`select version() v`)).rows[0]!.v.split(" on ")[0]!;
    const command = [
      "npm run test:load --",
      `--seconds ${seconds}`,
      `--editors ${editorCount}`,
      args.think ? "--think" : "",
      serverCount > 1 ? `--servers ${serverCount}` : "",
      args.fresh ? "--fresh" : "",
      floorPages ? "--floor-pages" : "",
    ]
      .filter(Boolean)
      .join(" ");
    appendLoadResult(
      [
        `## Load test, ${new Date().toISOString()}`,
        "",
        `\`${command}\`: ${editorCount} editors, ${mode}, ${serverCount} app server${serverCount === 1 ? "" : "s"} (\`next start\`) on one PostgreSQL database, ${pool.length} contested values, ${Math.round(STALE_SHARE * 100)}% of saves deliberately stale, ${Math.round(BLIND_SHARE * 100)}% without a version. Result: **${violations.length === 0 ? "passed" : "FAILED"}**.`,
        "",
        machine({ "PostgreSQL server": serverVersion }),
        "",
        markdownTable(header, rows),
        "",
        markdownTable(["target", "result"], targets),
        "",
        ...summary.map((s) => `- ${s.replace(/\n/g, " ")}`),
      ].join("\n"),
    );
    console.log("\nAppended to docs/benchmarks.md");
    if (violations.length > 0) process.exitCode = 1;
  } finally {
    await stopAll();
    await db.end().catch(() => undefined);
    await scratch?.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
