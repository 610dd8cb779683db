/**
 * `npm run bench:cpu [-- --rounds 5 --requests 40]`: the app server's CPU time per request (user +
 * system, from /proc) for each kind of request the load test sends, its two pages beside their
 * floors (app/(app)/bench-floor), one kind at a time from one client, in rounds that alternate the
 * kinds so that a slow minute of the machine falls on all of them. The load test's percentiles say
 * how long people wait; this says what each request costs the server, which a change to a page
 * moves and the machine's moment hardly does (docs/decisions/042-…). On the load test's data: the
 * seeded edition and a new year with 20 of its 50 figures, in a fresh PostgreSQL database on
 * DATABASE_URL's server, removed afterwards. Prints a table; writes nothing.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { Client } from "pg";
import { postgresAdminUrl, wholeNumber } from "../bench/args";
import { signIn, withToken, type Caller } from "../bench/http";
import { ms, textTable } from "../bench/report";
import { createScratchDatabase } from "../bench/scratch-database";
import { ensureBuild, processUsage, startServer, waitHealthy } from "../bench/server";
import { request } from "../load/client";
import { contestedFigures, seedWithPeople } from "../load/set-up";

const PORT = Number(process.env.CPU_PORT ?? 3330);
const YEAR = 2095;
const FILLED = 20;
const PASSWORD = "cpu bench lantern crosses nine bridges";
const EMAIL = "cpu@example.org";

const { values: args } = parseArgs({
  options: { rounds: { type: "string", default: "5" }, requests: { type: "string", default: "40" } },
  strict: true,
});
const rounds = wholeNumber("rounds", args.rounds, 1, 50);
const perRound = wholeNumber("requests", args.requests, 5, 500);
const adminUrl = postgresAdminUrl("npm run bench:cpu needs DATABASE_URL=postgres://… (a server where it may create a database)");

type Kind = { name: string; send: () => Promise<{ status: number }> };

async function main() {
  ensureBuild();
  const database = await createScratchDatabase(adminUrl, "cpu");
  const server = startServer(PORT, { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString("base64url"), BENCH_FLOOR: "1" });
  try {
    const tokens = await seedWithPeople(database.url, [{ email: EMAIL, name: "CPU Editor", role: "editor", withToken: true }], PASSWORD, "bench:cpu");
    await waitHealthy(server);
    const api = withToken(server.url, tokens.get(EMAIL)!);
    await request(api, "POST", "/api/v1/years", { year: YEAR }).then(expect200or201("opening the year"));
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const pool = (await contestedFigures(db, FILLED).finally(() => db.end())).map((f) => f.key);
    for (const key of pool) await request(api, "PUT", `/api/v1/years/${YEAR}/values/${key}`, { value: 0 }).then(expect200or201(`setting ${key}`));
    const session = await signIn(server.url, EMAIL, PASSWORD);

    let saves = 0;
    const get = (caller: Caller, path: string) => () => request(caller, "GET", path, undefined, { timeOnly: true });
    const kinds: Kind[] = [
      { name: `year page /years/${YEAR}`, send: get(session, `/years/${YEAR}`) },
      { name: "  its floor", send: get(session, `/bench-floor/years/${YEAR}`) },
      { name: "dashboard /", send: get(session, "/") },
      { name: "  its floor", send: get(session, "/bench-floor/dashboard") },
      { name: "values API", send: get(api, `/api/v1/years/${YEAR}/values`) },
      { name: "save (no version)", send: () => request(api, "PUT", `/api/v1/years/${YEAR}/values/${pool[saves % pool.length]}`, { value: ++saves }) },
    ];
    const samples = new Map<Kind, number[]>(kinds.map((k) => [k, []]));
    const send = async (kind: Kind) => {
      const r = await kind.send();
      if (r.status !== 200) throw new Error(`${kind.name.trim()}: status ${r.status}`);
    };
    // A first round warms the server up (its code compiled, its caches and heap grown) and is not counted.
    for (let round = 0; round <= rounds; round++) {
      for (const kind of kinds) {
        const before = processUsage(server.child.pid!);
        for (let i = 0; i < perRound; i++) await send(kind);
        const after = processUsage(server.child.pid!);
        if (!before || !after) throw new Error("the server's CPU time is read from /proc: Linux only");
        if (round > 0) samples.get(kind)!.push((after.cpuMs - before.cpuMs) / perRound);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `\nServer CPU per request, ${rounds} rounds of ${perRound} after one to warm up (ms; /proc counts in 10 ms ticks, so a round is good to ${ms(10 / perRound)} ms):\n`,
    );
    console.log(
      textTable(
        ["request", "median", "rounds"],
        kinds.map((k) => [k.name, ms(median(samples.get(k)!)), samples.get(k)!.map(ms).join(" ")]),
      ),
    );
  } finally {
    await server.stop();
    await database.drop();
  }
}

function expect200or201(what: string) {
  return (r: { status: number; text: string }) => {
    if (r.status !== 200 && r.status !== 201) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 200)}`);
  };
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
