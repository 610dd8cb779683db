/**
 * What several app servers on one database must agree on, checked through their HTTP faces: a
 * save through one is on every other's dashboard and values API at once (each process keeps its
 * own values cache, db/queries/value-points.ts), failed sign-ins through any of them count
 * towards one throttle, and a session signed in on one is valid on all and ended on all by one
 * sign-out. With one server each check still runs, against itself.
 */
import { THROTTLE } from "@/db/commands/sign-in";
import type { Qualifier, Unit } from "@/lib/domain";
import { formatValue } from "@/lib/numbers/format";
import { attemptSignIn, signOut, type Caller } from "../bench/http";

export type Call = (caller: Caller, method: string, path: string, json?: unknown) => Promise<{ status: number; text: string }>;

/** The figure a dashboard page shows on the card of `key`, or "(no card)". */
export function dashboardFigure(html: string, key: string): string {
  const at = html.indexOf(`data-metric="${key}"`);
  if (at < 0) return "(no card)";
  const card = html.slice(at).split("data-metric=")[1] ?? "";
  return /<p class="kpi-figure">([^<]*)<\/p>/.exec(card)?.[1] ?? "(no card)";
}

export const onServer = (caller: Caller, base: string): Caller => ({ ...caller, base });

type Metric = { key: string; section: string; unit: Unit };

/**
 * For every ordered pair of servers (writer, reader): the reader's dashboard is read first, so
 * its cache holds the old value; then the writer saves, and the reader's values API and dashboard
 * must show the new value on the very next request.
 */
export async function savesSeenEverywhere(
  call: Call,
  bases: string[],
  token: Caller,
  session: Caller,
  year: number,
  metric: Metric,
): Promise<{ checked: number; violations: string[] }> {
  const violations: string[] = [];
  let checked = 0;
  const dashboard = (base: string) => call(onServer(session, base), "GET", `/?year=${year}&section=${metric.section}`);
  for (const [w, writer] of bases.entries()) {
    for (const [r, reader] of bases.entries()) {
      await dashboard(reader);
      // Small and new each time, so the card shows it exactly and an old figure cannot pass for it.
      const value = 101 + checked;
      const saved = await call(onServer(token, writer), "PUT", `/api/v1/years/${year}/values/${metric.key}`, {
        value,
        reason: "load test: cross-instance check",
      });
      checked++;
      if (saved.status !== 200) {
        violations.push(`cross-instance save through server ${w + 1} → ${saved.status}`);
        continue;
      }
      const listed = await call(onServer(token, reader), "GET", `/api/v1/years/${year}/values`);
      const rows = JSON.parse(listed.text) as { metricKey: string; value: number | null }[] | { values: { metricKey: string; value: number | null }[] };
      const row = (Array.isArray(rows) ? rows : rows.values).find((x) => x.metricKey === metric.key);
      if (row?.value !== value) violations.push(`server ${r + 1}'s values API shows ${row?.value} right after server ${w + 1} saved ${value}`);
      const shown = dashboardFigure((await dashboard(reader)).text, metric.key);
      const expected = formatValue(value, metric.unit, null as Qualifier);
      if (shown !== expected) violations.push(`server ${r + 1}'s dashboard shows ${shown} right after server ${w + 1} saved ${expected}`);
    }
  }
  return { checked, violations };
}

/**
 * Failed sign-ins spread over the servers add up: after THROTTLE.maxPerEmail failures in all,
 * even the right password is refused on every server. A throttle per process would let each
 * server see only its share and sign the person in.
 */
export async function throttleShared(bases: string[], email: string, password: string): Promise<{ failures: number; violations: string[] }> {
  const violations: string[] = [];
  for (let i = 0; i < THROTTLE.maxPerEmail; i++) {
    const attempt = await attemptSignIn(bases[i % bases.length]!, email, `${password} (wrong)`);
    if (attempt.caller) violations.push("a wrong password signed in");
  }
  for (const [i, base] of bases.entries()) {
    const attempt = await attemptSignIn(base, email, password);
    if (attempt.caller) violations.push(`server ${i + 1} signed the person in after ${THROTTLE.maxPerEmail} failures spread over ${bases.length} server(s)`);
    else if (!/too many failed sign-ins/i.test(attempt.error)) violations.push(`server ${i + 1} refused with “${attempt.error}”, not the throttle's message`);
  }
  return { failures: THROTTLE.maxPerEmail, violations };
}

/** A session from the first server opens a page on every server; signing out on the first ends it on all. */
export async function sessionsShared(call: Call, bases: string[], email: string, password: string): Promise<string[]> {
  const violations: string[] = [];
  const attempt = await attemptSignIn(bases[0]!, email, password);
  if (!attempt.caller) return [`sign-in for the session check failed: ${attempt.error}`];
  const session = attempt.caller;
  for (const [i, base] of bases.entries()) {
    const r = await call(onServer(session, base), "GET", "/account");
    if (r.status !== 200) violations.push(`server ${i + 1} answered ${r.status} to a session signed in on server 1`);
  }
  const out = await signOut(session);
  if (out !== 200) violations.push(`sign-out answered ${out}`);
  for (const [i, base] of bases.entries()) {
    const r = await call(onServer(session, base), "GET", "/account");
    if (r.status === 200) violations.push(`server ${i + 1} still accepts a session signed out on server 1`);
  }
  return violations;
}
