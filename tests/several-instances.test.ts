import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { createUser } from "@/db/commands/users";
import { openPostgres, type OpenedDatabase } from "@/db/connect";
import * as schema from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createTestDatabase, engines, type TestDatabase } from "./support/db";
import { createActor } from "./support/db-fixtures";

// Two app servers on one database, as README "Several app servers" runs them: each has its own
// copy of every module (so its own in-process caches) and its own connection pool. Whatever one
// writes, the other must read at once, with no message between them. `npm run test:load --
// --servers 2` checks the same through two real `next start` processes.

type Instance = Awaited<ReturnType<typeof startInstance>>;

/** Fresh copies of the modules that hold or read process state, bound to their own handle. */
async function startInstance(db: Database) {
  vi.resetModules();
  return {
    db,
    valuePoints: await import("@/db/queries/value-points"),
    dashboard: await import("@/db/queries/dashboard"),
    values: await import("@/db/commands/values"),
    signIn: await import("@/db/commands/sign-in"),
    sessions: await import("@/db/commands/sessions"),
    guard: await import("@/server/auth/guard"),
  };
}

/** A second handle on the test database: its own pool on PostgreSQL; on PGlite, which one process owns, a second Drizzle over the same client. */
async function secondHandle(t: TestDatabase): Promise<{ db: Database; close: () => Promise<void> }> {
  if (t.pglite) return { db: drizzlePglite(t.pglite, { schema, casing: "snake_case" }) as unknown as Database, close: async () => {} };
  const opened: OpenedDatabase = await openPostgres((t.pool!.options as { connectionString: string }).connectionString, { poolSize: 4 });
  return { db: opened.db, close: opened.close };
}

describe.each(engines)("two app instances on one %s database", (engine) => {
  const YEAR = 2071;
  const KEY = "peace_operations";
  let t: TestDatabase;
  let actor: Actor;
  let a: Instance;
  let b: Instance;
  let closeB: () => Promise<void>;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    actor = await createActor(t, "editor", "Ines Instance");
    await t.db.insert(schema.reportingYears).values({ year: YEAR });
    const second = await secondHandle(t);
    closeB = second.close;
    a = await startInstance(t.db);
    b = await startInstance(second.db);
  });
  afterAll(async () => {
    await closeB();
    await t.drop();
  });

  it("has two separate copies of the values cache", () => {
    expect(a.valuePoints.listAllValuesCached).not.toBe(b.valuePoints.listAllValuesCached);
    expect(a.db).not.toBe(b.db);
  });

  it("shows a save through one instance on the other's dashboard at once", async () => {
    const shown = async (i: Instance) => (await i.dashboard.loadDashboardData(i.db)).values.find((v) => v.year === YEAR && v.metricKey === KEY)?.value ?? null;
    // Both caches filled before the saves, so a cache that trusted itself would answer from them.
    expect(await shown(a)).toBeNull();
    expect(await shown(b)).toBeNull();

    const first = await b.values.saveValue(b.db, YEAR, KEY, { value: 41, version: 0 }, actor);
    expect(await shown(a)).toBe(41);
    expect(await shown(b)).toBe(41);

    await a.values.saveValue(a.db, YEAR, KEY, { value: 42, version: first.version }, actor);
    expect(await shown(b)).toBe(42);
    expect(await shown(a)).toBe(42);
  });

  it("counts failed sign-ins through either instance towards one throttle", async () => {
    const email = "shared.throttle@example.org";
    const password = "copper kettles hum at dawn";
    await createUser(t.db, { email, name: "Shared Throttle", role: "viewer", password }, null);
    const { maxPerEmail } = a.signIn.THROTTLE;
    for (let i = 0; i < maxPerEmail; i++) {
      const via = i % 2 === 0 ? a : b;
      expect(await via.signIn.signInWithPassword(via.db, { email, password: "wrong", ip: null })).toMatchObject({ ok: false, reason: "invalid" });
    }
    // Half the failures went through each: a throttle per instance would let the right password in.
    for (const via of [a, b]) {
      expect(await via.signIn.signInWithPassword(via.db, { email, password, ip: null })).toMatchObject({ ok: false, reason: "throttled", limit: "account" });
    }
  });

  it("keeps a session valid on both instances and ends it on both by one sign-out", async () => {
    const email = "shared.session@example.org";
    const password = "velvet lanterns drift north";
    await createUser(t.db, { email, name: "Shared Session", role: "viewer", password }, null);
    const signedIn = await a.signIn.signInWithPassword(a.db, { email, password, ip: null });
    if (!signedIn.ok) throw new Error(signedIn.message);
    const token = { uid: signedIn.user.id, sv: signedIn.user.sessionVersion, authTime: Math.floor(Date.now() / 1000) };
    expect(await a.guard.sessionUser(a.db, token)).not.toBeNull();
    expect(await b.guard.sessionUser(b.db, token)).not.toBeNull();

    await b.sessions.endSessions(b.db, token.uid, token.sv);
    expect(await a.guard.sessionUser(a.db, token)).toBeNull();
    expect(await b.guard.sessionUser(b.db, token)).toBeNull();
  });
});
