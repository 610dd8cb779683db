import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/db";

// The benchmark's bare route handler: no guard, so it must be closed unless the benchmark opens it.
const calls = vi.hoisted<{ db: unknown }>(() => ({ db: null }));
vi.mock("@/db/client", () => ({ getDb: () => Promise.resolve(calls.db) }));

const floor = await import("@/app/api/bench-floor/route");

describe("GET /api/bench-floor", () => {
  let t: TestDatabase;
  const request = (method = "GET") => new Request("http://desk.test/api/bench-floor", { method });

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    calls.db = t.db;
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  afterAll(async () => {
    await t.drop();
  });

  it("answers the contract's 404 to every method without BENCH_FLOOR=1", async () => {
    for (const value of [undefined, "", "0", "true"]) {
      vi.stubEnv("BENCH_FLOOR", value);
      const answer = await floor.GET(request());
      expect(answer.status, `BENCH_FLOOR=${value}`).toBe(404);
      expect(await answer.json()).toEqual({ error: { code: "not_found", message: "No API route /api/bench-floor" } });
      expect(answer.headers.get("content-security-policy")).toContain("default-src 'none'");
    }
    vi.stubEnv("BENCH_FLOOR", "1");
    for (const handler of [floor.POST, floor.PUT, floor.PATCH, floor.DELETE]) expect((await handler(request("POST"))).status).toBe(404);
  });

  it("with BENCH_FLOOR=1 answers what GET /api/v1/years answers, and nothing else", async () => {
    vi.stubEnv("BENCH_FLOOR", "1");
    const answer = await floor.GET(request());
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { years: Record<string, unknown>[] };
    expect(Object.keys(body)).toEqual(["years"]);
    expect(body.years.length).toBeGreaterThan(0);
    for (const y of body.years) expect(Object.keys(y).sort()).toEqual(["lockedAt", "returnMessage", "status", "valueCount", "year"]);
  });
});
