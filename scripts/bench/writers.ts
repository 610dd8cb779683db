/**
 * Concurrent writers against one sequential writer, in the same run: does a save's throughput
 * grow with writers on different figures, or do they queue behind each other's open
 * transactions? Each writer saves its own figure again and again with the version the last
 * answer gave, as an editor would. The two modes alternate round by round, so a noisy moment on
 * a shared machine lands on both alike.
 *
 * The same ten-against-one shape is measured on the two floors of the tiny read (the bare Next
 * route handler and the bare node:http server): how much ten clients at once can gain over one
 * on this machine when the request does almost nothing, which bounds what a save can gain.
 */
import { MAIN_YEAR } from "./dataset";
import type { Context } from "./entries";
import { percentile, timed, type Caller } from "./http";

export const WRITERS = 10;
/** The brief's target: ten writers on different figures save at least this many times as fast as one. */
export const WRITERS_TARGET = 2.5;
const ROUNDS = 3;

type Both = { sequential: number; concurrent: number };

export type ShapeResult = {
  clients: number;
  requests: Both;
  perSecond: Both;
  p50: Both;
  p95: Both;
  /** The app's own Server-Timing, p50: from the route's start (`total`) and waiting on the database (`db`); NaN where the server sends none. */
  serverP50: Both;
  dbP50: Both;
  note: string;
};

export type WritersResult = ShapeResult & {
  /** The same shape on the floors of the tiny read, for what concurrency can gain on this machine at all. */
  floors: { name: string; result: ShapeResult }[];
};

type Sample = { ms: number; serverTiming: string | null };
/** One request of client `client` (0 is the sequential one); a string is a failure that stops the measurement. */
type Request = (client: number, i: number, round: number) => Promise<Sample | string>;

const timing = (header: string | null, name: string) => Number(new RegExp(`(?:^|,\\s*)${name};dur=([\\d.]+)`).exec(header ?? "")?.[1] ?? NaN);

/**
 * One client making `perClient × clients` requests in sequence, against `clients` clients making
 * `perClient` each at once, rounds alternating; client 0 is the sequential one, 1…clients the others.
 */
async function measureShape(clients: number, perClient: number, request: Request): Promise<ShapeResult> {
  let failure = "";
  const run = async (client: number, n: number, round: number) => {
    const samples: Sample[] = [];
    for (let i = 0; i < n && !failure; i++) {
      const r = await request(client, i, round);
      if (typeof r === "string") failure = r;
      else samples.push(r);
    }
    return samples;
  };
  // Warm-up: every client's first requests compile and cache nothing in the measured rounds.
  await Promise.all(Array.from({ length: clients + 1 }, (_, k) => run(k, 2, 0)));
  const seq = { ms: 0, samples: [] as Sample[] };
  const con = { ms: 0, samples: [] as Sample[] };
  for (let round = 1; round <= ROUNDS && !failure; round++) {
    // The single client makes as many requests as all the concurrent ones together, so both modes last about as long.
    let started = performance.now();
    seq.samples.push(...(await run(0, perClient * clients, round)));
    seq.ms += performance.now() - started;
    started = performance.now();
    const all = await Promise.all(Array.from({ length: clients }, (_, k) => run(k + 1, perClient, round)));
    con.ms += performance.now() - started;
    for (const s of all) con.samples.push(...s);
  }
  const both = (f: (s: Sample[]) => number): Both => ({ sequential: f(seq.samples), concurrent: f(con.samples) });
  return {
    clients,
    requests: both((s) => s.length),
    perSecond: { sequential: (seq.samples.length / seq.ms) * 1000, concurrent: (con.samples.length / con.ms) * 1000 },
    p50: both((s) =>
      percentile(
        s.map((x) => x.ms),
        50,
      ),
    ),
    p95: both((s) =>
      percentile(
        s.map((x) => x.ms),
        95,
      ),
    ),
    serverP50: both((s) =>
      percentile(
        s.map((x) => timing(x.serverTiming, "total")).filter((x) => !Number.isNaN(x)),
        50,
      ),
    ),
    dbP50: both((s) =>
      percentile(
        s.map((x) => timing(x.serverTiming, "db")).filter((x) => !Number.isNaN(x)),
        50,
      ),
    ),
    note: failure,
  };
}

const failed = (status: number, text: string) => `failed: ${status} ${text.slice(0, 100).replace(/\s+/g, " ").replace(/\|/g, "/")}`;

/** Figures no other measurement writes to: counts without bounds, so any whole number is valid. */
function writerKeys(c: Context): string[] {
  const taken = new Set([c.hotKey, c.saveKey, c.floorKey]);
  return c.importMetrics
    .filter((m) => m.unit === "count" && m.min === null && m.max === null && !taken.has(m.key))
    .slice(-(WRITERS + 1))
    .map((m) => m.key);
}

/** Ten writers against one, then the same shape on each floor (`GET path` through its caller). */
export async function measureWriters(
  caller: Caller,
  c: Context,
  savesPerWriter: number,
  floors: { name: string; caller: Caller; path: string }[],
): Promise<WritersResult> {
  const keys = writerKeys(c);
  if (keys.length < WRITERS + 1) {
    const empty = { sequential: NaN, concurrent: NaN };
    const none = { sequential: 0, concurrent: 0 };
    return {
      clients: WRITERS,
      requests: none,
      perSecond: empty,
      p50: empty,
      p95: empty,
      serverP50: empty,
      dbP50: empty,
      note: "not enough figures",
      floors: [],
    };
  }
  const listing = await timed(caller, "GET", `/api/v1/years/${MAIN_YEAR}/values`);
  const rows = JSON.parse(listing.text) as { values: { metricKey: string; version: number }[] };
  const versions = new Map(rows.values.map((r) => [r.metricKey, r.version]));

  // Each client saves its own figure: the sequential one keys[0], the others keys[1…].
  const save: Request = async (client, i, round) => {
    const key = keys[client]!;
    const r = await timed(caller, "PUT", `/api/v1/years/${MAIN_YEAR}/values/${key}`, {
      type: "application/json",
      data: JSON.stringify({ value: round * 100_000 + i, version: versions.get(key) ?? 0 }),
    });
    if (r.status !== 200) return failed(r.status, r.text);
    versions.set(key, (JSON.parse(r.text) as { version: number }).version);
    return r;
  };
  const writers = await measureShape(WRITERS, savesPerWriter, save);
  const floorResults = [];
  for (const floor of floors) {
    const read: Request = async () => {
      const r = await timed(floor.caller, "GET", floor.path);
      return r.status === 200 ? r : failed(r.status, r.text);
    };
    floorResults.push({ name: floor.name, result: await measureShape(WRITERS, savesPerWriter, read) });
  }
  return { ...writers, floors: floorResults };
}
