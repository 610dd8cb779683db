/**
 * `tsx scripts/bench/profile-load.ts <base> <token> <email> <password> <phase> <n>`: drives one
 * request kind n times against a running server, for a `node --cpu-prof` run of `next start`
 * (docs/benchmarks.md, "Where a request's time goes"). Phases: read (GET /api/v1/years), save (PUT
 * one value, versions followed), page (GET /years/2023 signed in).
 */
import { signIn, timed, withToken } from "./http";

const [base, token, email, password, phase, n] = process.argv.slice(2);
if (!base || !token || !email || !password || !phase || !n) throw new Error("usage: profile-load <base> <token> <email> <password> <read|save|page> <n>");
const count = Number(n);

async function main() {
  const api = withToken(base!, token!);
  const timings: string[] = [];
  if (phase === "read") {
    for (let i = 0; i < count; i++) timings.push((await timed(api, "GET", "/api/v1/years")).serverTiming ?? "");
  } else if (phase === "save") {
    const path = "/api/v1/years/2023/values/peacekeepers_total";
    let version = (JSON.parse((await timed(api, "GET", "/api/v1/years/2023/values")).text) as { values: { metricKey: string; version: number }[] }).values.find(
      (v) => v.metricKey === "peacekeepers_total",
    )!.version;
    for (let i = 0; i < count; i++) {
      const r = await timed(api, "PUT", path, { type: "application/json", data: JSON.stringify({ value: 76_000 + (i % 50), version }) });
      version = (JSON.parse(r.text) as { version: number }).version;
      timings.push(r.serverTiming ?? "");
    }
  } else {
    const session = await signIn(base!, email!, password!);
    for (let i = 0; i < count; i++) timings.push((await timed(session, "GET", "/years/2023")).serverTiming ?? "");
  }
  console.log(timings.slice(-3).join("\n"));
}

void main();
