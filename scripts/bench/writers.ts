/**
 * Concurrent writers against one sequential writer, in the same run: does a save's throughput
 * grow with writers on different figures, or do they queue behind each other's open
 * transactions? Each writer saves its own figure again and again with the version the last
 * answer gave, as an editor would. The two modes alternate round by round, so a noisy moment on
 * a shared machine lands on both alike.
 */
import { MAIN_YEAR } from "./dataset";
import type { Context } from "./entries";
import { percentile, timed, type Caller } from "./http";

export const WRITERS = 10;
/** The brief's target: ten writers on different figures save at least this many times as fast as one. */
export const WRITERS_TARGET = 2.5;
const ROUNDS = 3;

export type WritersResult = {
  writers: number;
  saves: { sequential: number; concurrent: number };
  perSecond: { sequential: number; concurrent: number };
  p50: { sequential: number; concurrent: number };
  p95: { sequential: number; concurrent: number };
  /** The app's own Server-Timing, p50: from the route's start (`total`) and waiting on the database (`db`). */
  serverP50: { sequential: number; concurrent: number };
  dbP50: { sequential: number; concurrent: number };
  note: string;
};

const timing = (header: string | null, name: string) => Number(new RegExp(`(?:^|,\\s*)${name};dur=([\\d.]+)`).exec(header ?? "")?.[1] ?? NaN);

/** Figures no other measurement writes to: counts without bounds, so any whole number is valid. */
function writerKeys(c: Context): string[] {
  const taken = new Set([c.hotKey, c.saveKey, c.floorKey]);
  return c.importMetrics
    .filter((m) => m.unit === "count" && m.min === null && m.max === null && !taken.has(m.key))
    .slice(-(WRITERS + 1))
    .map((m) => m.key);
}

export async function measureWriters(caller: Caller, c: Context, savesPerWriter: number): Promise<WritersResult> {
  const keys = writerKeys(c);
  const empty = { sequential: NaN, concurrent: NaN };
  if (keys.length < WRITERS + 1)
    return {
      writers: WRITERS,
      saves: { sequential: 0, concurrent: 0 },
      perSecond: empty,
      p50: empty,
      p95: empty,
      serverP50: empty,
      dbP50: empty,
      note: "not enough figures",
    };
  const listing = await timed(caller, "GET", `/api/v1/years/${MAIN_YEAR}/values`);
  const rows = JSON.parse(listing.text) as { metricKey: string; version: number }[] | { values: { metricKey: string; version: number }[] };
  const versions = new Map((Array.isArray(rows) ? rows : rows.values).map((r) => [r.metricKey, r.version]));
  let failure = "";

  /** One writer: `n` saves of its figure in sequence; the latency of each. */
  const writer = async (key: string, n: number, round: number) => {
    const latencies: number[] = [];
    const server: number[] = [];
    const db: number[] = [];
    for (let i = 0; i < n && !failure; i++) {
      const r = await timed(caller, "PUT", `/api/v1/years/${MAIN_YEAR}/values/${key}`, {
        type: "application/json",
        data: JSON.stringify({ value: round * 100_000 + i, version: versions.get(key) ?? 0 }),
      });
      if (r.status !== 200) {
        failure = `failed: ${r.status} ${r.text.slice(0, 100).replace(/\s+/g, " ").replace(/\|/g, "/")}`;
        break;
      }
      versions.set(key, (JSON.parse(r.text) as { version: number }).version);
      latencies.push(r.ms);
      server.push(timing(r.serverTiming, "total"));
      db.push(timing(r.serverTiming, "db"));
    }
    return { latencies, server, db };
  };

  const [single, ...many] = keys as [string, ...string[]];
  // Warm-up: every writer's first requests compile and cache nothing in the measured rounds.
  await Promise.all(keys.map((k) => writer(k, 2, 0)));
  const seq = { ms: 0, latencies: [] as number[], server: [] as number[], db: [] as number[] };
  const con = { ms: 0, latencies: [] as number[], server: [] as number[], db: [] as number[] };
  const keep = (into: typeof seq, w: Awaited<ReturnType<typeof writer>>) => {
    into.latencies.push(...w.latencies);
    into.server.push(...w.server);
    into.db.push(...w.db);
  };
  for (let round = 1; round <= ROUNDS && !failure; round++) {
    // The single writer makes as many saves as all the concurrent ones together, so both modes last about as long.
    let started = performance.now();
    keep(seq, await writer(single, savesPerWriter * WRITERS, round));
    seq.ms += performance.now() - started;
    started = performance.now();
    const all = await Promise.all(many.map((k) => writer(k, savesPerWriter, round)));
    con.ms += performance.now() - started;
    for (const w of all) keep(con, w);
  }
  return {
    writers: WRITERS,
    saves: { sequential: seq.latencies.length, concurrent: con.latencies.length },
    perSecond: { sequential: (seq.latencies.length / seq.ms) * 1000, concurrent: (con.latencies.length / con.ms) * 1000 },
    p50: { sequential: percentile(seq.latencies, 50), concurrent: percentile(con.latencies, 50) },
    p95: { sequential: percentile(seq.latencies, 95), concurrent: percentile(con.latencies, 95) },
    serverP50: { sequential: percentile(seq.server, 50), concurrent: percentile(con.server, 50) },
    dbP50: { sequential: percentile(seq.db, 50), concurrent: percentile(con.db, 50) },
    note: failure,
  };
}
