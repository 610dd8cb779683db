import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { z } from "zod";
import { defineOperation } from "@/server/operation";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/db/commands/users";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";

// The real guard and a real token: only the database handle comes from the test.
const calls: { db: unknown } = vi.hoisted(() => ({ db: null }));
vi.mock("@/db/client", () => ({ getDb: () => Promise.resolve(calls.db) }));

const { route } = await import("@/server/api/route");
const { testRoute: apiRoute } = await import("@/tests/support/operation-route");

const yearsRoute = await import("@/app/api/v1/years/route");

const context = { params: Promise.resolve({}) };
const ENTRY = /^[a-z]+;dur=\d+\.\d{2}$/;

/** The header's entries by name; fails the test on anything but `name;dur=1.23, …`. */
function timings(response: Response): Record<string, number> {
  const header = response.headers.get("server-timing");
  expect(header, "Server-Timing header").toBeTruthy();
  const entries: Record<string, number> = {};
  for (const entry of header!.split(", ")) {
    expect(entry).toMatch(ENTRY);
    const [name, dur] = entry.split(";dur=");
    expect(entries[name!], `${name} appears once`).toBeUndefined();
    entries[name!] = Number(dur);
  }
  return entries;
}

describe.each(engines)("Server-Timing on API answers (%s)", (engine) => {
  let t: TestDatabase;
  let token: string;
  const get = (headers: Record<string, string> = { authorization: `Bearer ${token}` }) => new NextRequest("http://desk.test/api/v1/years", { headers });

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    calls.db = t.db;
    const editor = await createActor(t, "editor");
    token = (await createApiToken(t.db, editor.id, "timing test")).token;
  });
  afterAll(async () => {
    await t.drop();
  });

  it("names the caller's check, the database, the handler, the JSON and the total on GET /api/v1/years", async () => {
    const response = await yearsRoute.GET(get(), context);
    expect(response.status).toBe(200);
    const d = timings(response);
    expect(Object.keys(d)).toEqual(["auth", "handler", "serialise", "db", "total"]);
    // The token lookup and the years query both ran.
    expect(d.db).toBeGreaterThan(0);
    for (const name of ["auth", "handler", "serialise", "db"]) expect(d.total).toBeGreaterThanOrEqual(d[name]!);
  });

  it("counts a query's time in db, inside a transaction too, and only for the request that sent it", async () => {
    const sleepy = apiRoute({ permission: "read" }, async ({ db }) => {
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_sleep(0.2)`);
      });
      return { slept: true };
    });
    const quiet = route(
      defineOperation({
        method: "GET",
        summary: "quiet",
        permission: "public",
        opensItsOwnDatabase: true,
        response: z.unknown(),
        handler: () => Promise.resolve({ quiet: true }),
      }),
    );
    const [slept, alongside] = await Promise.all([sleepy(get(), context), quiet(get({}), context)]);
    expect(slept.status).toBe(200);
    expect(timings(slept).db).toBeGreaterThanOrEqual(200);
    // Ran at the same moment in the same process, sent no query: nothing of the other's counts.
    expect(timings(alongside)).toMatchObject({ db: 0 });
    expect(timings(alongside).auth).toBeUndefined();
  });

  it("still reports the caller's check on a refusal", async () => {
    const refused = await yearsRoute.GET(get({ authorization: "Bearer rd_not-a-token" }), context);
    expect(refused.status).toBe(401);
    const d = timings(refused);
    expect(Object.keys(d)).toEqual(["auth", "db", "total"]);
    expect(d.db).toBeGreaterThan(0);
  });
});
