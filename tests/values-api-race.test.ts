import { and, count, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as Guard from "@/server/auth/guard";
import type { Actor } from "@/lib/auth/actor";
import { auditLog, metricValues, metrics, valueRevisions } from "@/db/schema";
import { saveValue } from "@/db/commands/values";
import { openYear } from "@/db/commands/years";
import { createTestDatabase, engines, type TestDatabase } from "./support/db";
import { createActor } from "./support/db-fixtures";

// The single-value PUT as its callers meet it, with the caller and the database supplied by the
// test: twenty editors who all loaded the same version press Save at once (docs/decisions/024).
const calls = vi.hoisted<{ actor: Actor | null; db: unknown }>(() => ({ actor: null, db: null }));
vi.mock("@/db/client", () => ({ getDb: () => Promise.resolve(calls.db) }));
vi.mock("@/server/auth/guard", async (importOriginal) => ({
  ...(await importOriginal<typeof Guard>()),
  resolveActor: () => Promise.resolve(calls.actor),
  currentActor: () => Promise.resolve(calls.actor),
}));

const valueRoute = await import("@/app/api/v1/years/[year]/values/[metricKey]/route");

type Body = { value?: number; version?: number; error?: { code: string }; current?: { value: number; version: number } };

async function put(year: number, metricKey: string, body: unknown): Promise<{ status: number; body: Body }> {
  const req = new NextRequest(`http://desk.test/api/v1/years/${year}/values/${metricKey}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const res = await valueRoute.PUT(req, { params: Promise.resolve({ year: String(year), metricKey }) });
  return { status: res.status, body: (await res.json()) as Body };
}

describe.each(engines)("PUT /years/{year}/values/{metricKey}, 20 at once on %s", (engine) => {
  let t: TestDatabase;
  const YEAR = 2062;
  const KEY = "mediation_support_assignments";

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    calls.db = t.db;
    calls.actor = await createActor(t, "editor", "Edith Editor");
    await openYear(t.db, YEAR, calls.actor);
  });
  afterAll(() => t.drop());

  const counted = async (table: typeof valueRevisions | typeof auditLog) => (await t.db.select({ n: count() }).from(table).where(eq(table.year, YEAR)))[0]!.n;

  it("of 20 saves from the same version exactly one is 200, the other 19 are 409 with its row, and one revision is added", async () => {
    const first = await saveValue(t.db, YEAR, KEY, { value: 1 }, calls.actor!);
    const before = { revisions: await counted(valueRevisions), audit: await counted(auditLog) };
    // A save is one short statement, so twenty requests rarely overlap by themselves: the first
    // update is made to hold its row for 300 ms, and the others read the same version meanwhile
    // and must still be refused. PGlite is one connection, where saves can only take turns.
    if (engine === "postgres") {
      await t.db.execute(sql`create function test_slow() returns trigger language plpgsql as $$ begin perform pg_sleep(0.3); return new; end $$`);
      await t.db.execute(sql`create trigger test_slow_update before update on metric_values for each row when (new.year = 2062) execute function test_slow()`);
    }
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => put(YEAR, KEY, { value: 100 + i, version: first.version }))).finally(async () => {
      if (engine !== "postgres") return;
      await t.db.execute(sql`drop trigger test_slow_update on metric_values`);
      await t.db.execute(sql`drop function test_slow()`);
    });
    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 409);
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array<number>(19).fill(409)]);
    const winner = ok[0]!.body;
    expect(winner.version).toBe(first.version + 1);
    for (const r of refused) expect(r.body).toMatchObject({ error: { code: "conflict" }, current: { value: winner.value, version: winner.version } });
    expect(await counted(valueRevisions)).toBe(before.revisions + 1);
    expect(await counted(auditLog)).toBe(before.audit + 1);
    const [stored] = await t.db
      .select({ value: metricValues.value, version: metricValues.version })
      .from(metricValues)
      .innerJoin(metrics, eq(metrics.id, metricValues.metricId))
      .where(and(eq(metrics.key, KEY), eq(metricValues.year, YEAR)));
    expect(stored).toEqual({ value: winner.value, version: winner.version });
  });
});
