/**
 * `tsx scripts/bench/profile-summary.ts <file.cpuprofile> [top]`: where a `node --cpu-prof` run
 * spent its CPU, as self time by kind of code (Node's own, Next.js, React, the database driver,
 * zod, drizzle, the app's bundle, garbage collection, idle) and the functions with the most self
 * time. Used for docs/benchmarks.md, "Where a request's time goes".
 */
import fs from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-summary <file.cpuprofile> [top]");
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const KINDS: [string, RegExp][] = [
  ["idle", /^\(idle\)$/],
  ["garbage collection", /^\(garbage collector\)$/],
  ["program (native, unattributed)", /^\(program\)$/],
  ["pg driver", /node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//],
  ["drizzle", /drizzle-orm/],
  ["zod", /node_modules\/zod\//],
  ["next-auth / jose", /next-auth|jose|@panva/],
  ["React", /react-dom|react-server|\/react\//],
  ["Next.js", /node_modules\/next\//],
  ["app bundle (.next)", /\.next\//],
  ["Node core", /^node:|^internal\//],
];

function kindOf(n: Node): string {
  const key = n.callFrame.url || n.callFrame.functionName;
  for (const [name, re] of KINDS) if (re.test(key)) return name;
  return n.callFrame.url ? "other: " + n.callFrame.url.replace(/.*node_modules\//, "").split("/")[0] : "native / builtin";
}

const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const kinds = new Map<string, number>();
const fns = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id)!;
  kinds.set(kindOf(n), (kinds.get(kindOf(n)) ?? 0) + us);
  const name = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/.*\/(node_modules|\.next)\//, "$1/")}:${n.callFrame.lineNumber}`;
  fns.set(name, (fns.get(name) ?? 0) + us);
}
const pct = (us: number) => ((100 * us) / total).toFixed(1).padStart(5) + "%";
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
for (const [k, us] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
console.log("top functions by self time:");
for (const [f, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 15))) console.log(`${pct(us)}  ${f}`);
