/**
 * `npm run bench:cpu [-- --rounds 5 --requests 40 --against ../other-checkout]`: the app server's
 * CPU time per request (user + system, from /proc) for each kind of request the load test sends,
 * its two pages beside their floors (app/(app)/bench-floor), one kind at a time from one client,
 * in rounds that alternate the kinds so that a slow minute of the machine falls on all of them.
 * The load test's percentiles say how long people wait; this says what each request costs the
 * server, which the machine's moment moves much less (docs/decisions/042-…), though by up to a
 * fifth between runs. On the load test's data: the seeded edition and a new year with 20 of
 * its 50 figures, in a fresh PostgreSQL database on DATABASE_URL's server, removed afterwards.
 * Prints a table; writes nothing.
 *
 * With --against, a second checkout's build (built, with its own node_modules, on the same
 * migrations) runs beside this one on the same database, and each round sends every request to
 * both in turn, so both meet the same moments of the machine: the median of the rounds' ratios
 * is what a change costs, to about ±7 % here, where two runs minutes apart differ by a fifth
 * (decision 045).
 *
 * With --against-node-options=<flags> (written with "=", as the value starts with "--"), the
 * second build runs with those NODE_OPTIONS, the same checkout unless --against names another:
 * what a flag of Node's (a GC setting, say) changes, measured in pairs like any other change.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Client } from "pg";
import { postgresAdminUrl, wholeNumber } from "../bench/args";
import { signIn, withToken, type Caller } from "../bench/http";
import { ms, textTable } from "../bench/report";
import { createScratchDatabase } from "../bench/scratch-database";
import { ensureBuild, processUsage, startServer, waitHealthy, type Server } from "../bench/server";
import { request } from "../load/client";
import { contestedFigures, seedWithPeople } from "../load/set-up";

const PORT = Number(process.env.CPU_PORT ?? 3330);
const YEAR = 2095;
const FILLED = 20;
const PASSWORD = "cpu bench lantern crosses nine bridges";
const EMAIL = "cpu@example.org";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    requests: { type: "string", default: "40" },
    against: { type: "string" },
    "against-node-options": { type: "string" },
  },
  strict: true,
});
const rounds = wholeNumber("rounds", args.rounds, 1, 50);
const perRound = wholeNumber("requests", args.requests, 5, 500);
const adminUrl = postgresAdminUrl("npm run bench:cpu needs DATABASE_URL=postgres://… (a server where it may create a database)");
const againstNodeOptions = args["against-node-options"];
const against = args.against !== undefined ? builtCheckout(args.against) : againstNodeOptions !== undefined ? process.cwd() : null;

/** A kind of request, sent to the server whose address it is given. */
type Kind = { name: string; send: (base: string) => Promise<{ status: number }> };
type Build = { label: string; server: Server };

async function main() {
  ensureBuild();
  const database = await createScratchDatabase(adminUrl, "cpu");
  // One secret for both builds: a session signed in on one is valid on the other.
  const env = { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString("base64url"), BENCH_FLOOR: "1" };
  const builds: Build[] = [{ label: "this build", server: startServer(PORT, env) }];
  if (against) {
    const label = [against === process.cwd() ? "this build" : path.basename(against), againstNodeOptions].filter(Boolean).join(" with ");
    builds.push({ label, server: startServer(PORT + 1, againstNodeOptions ? { ...env, NODE_OPTIONS: againstNodeOptions } : env, against) });
  }
  try {
    const tokens = await seedWithPeople(database.url, [{ email: EMAIL, name: "CPU Editor", role: "editor", withToken: true }], PASSWORD, "bench:cpu");
    for (const b of builds) await waitHealthy(b.server);
    const first = builds[0]!.server.url;
    const api = withToken(first, tokens.get(EMAIL)!);
    await request(api, "POST", "/api/v1/years", { year: YEAR }).then(expect200or201("opening the year"));
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const pool = (await contestedFigures(db, FILLED).finally(() => db.end())).map((f) => f.key);
    for (const key of pool) await request(api, "PUT", `/api/v1/years/${YEAR}/values/${key}`, { value: 0 }).then(expect200or201(`setting ${key}`));
    const session = await signIn(first, EMAIL, PASSWORD);

    let saves = 0;
    const at = (caller: Caller, base: string): Caller => ({ ...caller, base });
    const get = (caller: Caller, path: string) => (base: string) => request(at(caller, base), "GET", path, undefined, { timeOnly: true });
    const kinds: Kind[] = [
      { name: `year page /years/${YEAR}`, send: get(session, `/years/${YEAR}`) },
      { name: "  its floor", send: get(session, `/bench-floor/years/${YEAR}`) },
      { name: "dashboard /", send: get(session, "/") },
      { name: "  its floor", send: get(session, "/bench-floor/dashboard") },
      { name: "values API", send: get(api, `/api/v1/years/${YEAR}/values`) },
      {
        name: "save (no version)",
        send: (base) => request(at(api, base), "PUT", `/api/v1/years/${YEAR}/values/${pool[saves % pool.length]}`, { value: ++saves }),
      },
    ];
    // Two kinds share a name (each floor), so the samples go by the objects themselves.
    const samples = new Map(kinds.map((k) => [k, new Map(builds.map((b) => [b, [] as number[]]))]));
    const sampled = (kind: Kind, build: Build) => samples.get(kind)!.get(build)!;
    // A first round warms the servers up (their code compiled, their caches and heaps grown) and is not counted.
    for (let round = 0; round <= rounds; round++) {
      for (const kind of kinds) {
        const cpuMs = await cpuPerRequest(kind, builds);
        if (round > 0) builds.forEach((b, i) => sampled(kind, b).push(cpuMs[i]!));
      }
    }
    console.log(
      `\nServer CPU per request, ${rounds} rounds of ${perRound} after one to warm up (ms; /proc counts in 10 ms ticks, so a round is good to ${ms(10 / perRound)} ms):\n`,
    );
    if (builds.length === 1) {
      const only = builds[0]!;
      console.log(
        textTable(
          ["request", "median", "rounds"],
          kinds.map((k) => [k.name, ms(median(sampled(k, only))), sampled(k, only).map(ms).join(" ")]),
        ),
      );
    } else {
      const [mine, theirs] = builds as [Build, Build];
      console.log(
        textTable(
          ["request", mine.label, theirs.label, `${theirs.label} ÷ this (median of the rounds)`, "rounds (this / theirs)"],
          kinds.map((k) => {
            const a = sampled(k, mine);
            const b = sampled(k, theirs);
            return [k.name, ms(median(a)), ms(median(b)), median(a.map((x, i) => b[i]! / x)).toFixed(2), a.map((x, i) => `${ms(x)}/${ms(b[i]!)}`).join(" ")];
          }),
        ),
      );
    }
  } finally {
    await Promise.all(builds.map((b) => b.server.stop()));
    await database.drop();
  }
}

/**
 * One kind sent perRound times to each build, one request at a time and the builds in turn, so
 * that both meet the same moments of the machine: each server's CPU per request over the round.
 */
async function cpuPerRequest(kind: Kind, builds: Build[]): Promise<number[]> {
  const usage = () => builds.map((b) => processUsage(b.server.child.pid!)?.cpuMs ?? null);
  const before = usage();
  for (let i = 0; i < perRound; i++) {
    // Which goes first alternates too: the second request of a pair met a database just asked the same.
    for (const build of i % 2 === 0 ? builds : [...builds].reverse()) {
      const r = await kind.send(build.server.url);
      if (r.status !== 200) throw new Error(`${kind.name.trim()} on ${build.label}: status ${r.status}`);
    }
  }
  const after = usage();
  return builds.map((_, i) => {
    const [b, a] = [before[i], after[i]];
    if (b === null || b === undefined || a === null || a === undefined) throw new Error("the server's CPU time is read from /proc: Linux only");
    return (a - b) / perRound;
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The checkout named by --against, when it holds a build and the Next.js that made it; otherwise the run stops saying so. */
function builtCheckout(dir: string): string {
  const checkout = path.resolve(dir);
  const missing = [".next/BUILD_ID", "node_modules/next/dist/bin/next"].filter((f) => !fs.existsSync(path.join(checkout, f)));
  if (missing.length === 0) return checkout;
  console.error(`error: --against ${dir} needs a checkout with node_modules and a build (npm ci && npm run build there); it lacks ${missing.join(" and ")}`);
  process.exit(2);
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
