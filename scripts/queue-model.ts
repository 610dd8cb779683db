/**
 * `npx tsx scripts/queue-model.ts --year-page 50 --dashboard 31 --values 7 --save 8 [--editors 200 --servers 1]`:
 * what the think-time load (`npm run test:load -- --think`) would wait for if the only cause
 * were its requests sharing one event loop, given each kind's CPU time (from `npm run
 * bench:cpu`). Simulates an hour of that load on a processor-sharing queue per server
 * (scripts/load/processor-sharing.ts) and prints each kind's p50 and p95, whether the target
 * is met, and the largest factor on both pages' CPU that meets it. A model, not a measurement:
 * what it leaves out (the database, a second core, garbage collection, the load generator) is
 * what a real run adds on top (docs/decisions/046-…).
 */
import { parseArgs } from "node:util";
import { wholeNumber } from "./bench/args";
import { percentile } from "./bench/http";
import { ms, textTable } from "./bench/report";
import { simulateProcessorSharing, type RequestKind } from "./load/processor-sharing";
import { READ_SHARES, THINK_MAX_MS, THINK_MIN_MS, THINK_TARGET_P95_MS } from "./load/think-mix";

const SIMULATED_SECONDS = 3600;

const { values: args } = parseArgs({
  options: {
    "year-page": { type: "string" },
    dashboard: { type: "string" },
    values: { type: "string" },
    save: { type: "string" },
    editors: { type: "string", default: "200" },
    servers: { type: "string", default: "1" },
  },
  strict: true,
});

function cpuMs(option: "year-page" | "dashboard" | "values" | "save"): number {
  const n = Number(args[option]);
  if (!(n > 0 && n < 10_000)) throw new Error(`--${option} must be the CPU time of one such request in ms (npm run bench:cpu prints it)`);
  return n;
}

const editors = wholeNumber("editors", args.editors, 1, 100_000);
const servers = wholeNumber("servers", args.servers, 1, 64);
const cpu = { yearPage: cpuMs("year-page"), dashboard: cpuMs("dashboard"), values: cpuMs("values"), save: cpuMs("save") };

/** Each editor reads once and saves once per think interval; the servers take requests in turn. */
function kindsOnOneServer(pageFactor: number): RequestKind[] {
  const cyclesPerSecond = editors / ((THINK_MIN_MS + THINK_MAX_MS) / 2 / 1000) / servers;
  return [
    { name: "year page", perSecond: cyclesPerSecond * READ_SHARES["year page"], cpuMs: cpu.yearPage * pageFactor },
    { name: "dashboard", perSecond: cyclesPerSecond * READ_SHARES.dashboard, cpuMs: cpu.dashboard * pageFactor },
    { name: "values API", perSecond: cyclesPerSecond * READ_SHARES["values API"], cpuMs: cpu.values },
    { name: "save", perSecond: cyclesPerSecond, cpuMs: cpu.save },
  ];
}

const busy = (kinds: RequestKind[]) => kinds.reduce((sum, k) => sum + (k.perSecond * k.cpuMs) / 1000, 0);

/** Each kind's response times in ms over the simulated hour; null when the queue would grow without end. */
function simulate(kinds: RequestKind[]): Map<string, number[]> | null {
  if (busy(kinds) >= 1) return null;
  return simulateProcessorSharing(kinds, { seconds: SIMULATED_SECONDS, seed: 1 });
}

const worstP95 = (times: Map<string, number[]> | null) => (times ? Math.max(...[...times.values()].map((t) => percentile(t, 95))) : Infinity);

const kinds = kindsOnOneServer(1);
console.log(
  `${editors} editors on ${servers} server${servers === 1 ? "" : "s"}: each server ${kinds.reduce((n, k) => n + k.perSecond, 0).toFixed(1)} requests/s, its event loop ${(busy(kinds) * 100).toFixed(0)} % busy\n`,
);
const times = simulate(kinds);
if (!times) {
  console.log("More CPU a second than one event loop has: the queue grows without end.");
} else {
  console.log(
    textTable(
      ["request", "per second", "CPU ms", "p50 ms", "p95 ms"],
      kinds.map((k) => [k.name, k.perSecond.toFixed(1), ms(k.cpuMs), ms(percentile(times.get(k.name)!, 50)), ms(percentile(times.get(k.name)!, 95))]),
    ),
  );
  const worst = worstP95(times);
  console.log(`\np95 of every kind ≤ ${THINK_TARGET_P95_MS} ms: ${worst <= THINK_TARGET_P95_MS ? "met" : `missed (${ms(worst)} ms)`}`);
}
// The largest factor on both pages' CPU that meets the target, by bisection (p95 grows with it).
if (worstP95(simulate(kindsOnOneServer(0))) > THINK_TARGET_P95_MS) {
  console.log("Not even pages that cost nothing would meet it: the saves and values API calls alone are too much.");
} else {
  let [low, high] = [0, 4];
  for (let i = 0; i < 20; i++) {
    const mid = (low + high) / 2;
    if (worstP95(simulate(kindsOnOneServer(mid))) <= THINK_TARGET_P95_MS) low = mid;
    else high = mid;
  }
  console.log(
    `It is met with both pages' CPU up to ${low.toFixed(2)} × the given: the year page ≤ ${ms(cpu.yearPage * low)} ms, the dashboard ≤ ${ms(cpu.dashboard * low)} ms.`,
  );
}
