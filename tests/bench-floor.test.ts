import type { ReactElement } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { EditableValue } from "@/components/years/value-editor-types";
import { listYearValues } from "@/db/queries/years";
import type { Kpi } from "@/lib/dashboard/series";
import { createTestDatabase, type TestDatabase } from "./support/db";

// The benchmark's floors (decisions 022 and 040): a route handler with no guard and pages that draw
// a page's content alone, so each must be closed unless the benchmark's server opens it.
const calls = vi.hoisted<{ db: unknown }>(() => ({ db: null }));
vi.mock("@/db/client", () => ({ getDb: () => Promise.resolve(calls.db) }));

const floor = await import("@/app/api/bench-floor/route");
const { default: FloorPage } = await import("@/app/(app)/bench-floor/years/[year]/page");
const { default: DashboardFloor } = await import("@/app/(app)/bench-floor/dashboard/page");
const { default: CompareFloor } = await import("@/app/(app)/bench-floor/compare/page");

type Element = ReactElement<{
  children?: Element | Element[];
  rows?: EditableValue[] | { metricKey: string }[];
  kpis?: Kpi[];
  year?: number;
  values?: readonly unknown[];
}>;
const NOT_FOUND = { digest: "NEXT_HTTP_ERROR_FALLBACK;404" };

let t: TestDatabase;
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

describe("GET /api/bench-floor", () => {
  const request = (method = "GET") => new Request("http://desk.test/api/bench-floor", { method });

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

describe("the benchmark's pages drawing what a page shows, alone", () => {
  const visit = (year: string) => FloorPage({ params: Promise.resolve({ year }) }) as Promise<Element>;
  const compare = (from: string, to: string) => CompareFloor({ searchParams: Promise.resolve({ from, to }) }) as Promise<Element>;

  it("are not found without BENCH_FLOOR=1", async () => {
    for (const value of [undefined, "", "0", "true"]) {
      vi.stubEnv("BENCH_FLOOR", value);
      await expect(visit("2023"), `BENCH_FLOOR=${value}`).rejects.toMatchObject(NOT_FOUND);
      await expect(DashboardFloor(), `BENCH_FLOOR=${value}`).rejects.toMatchObject(NOT_FOUND);
      await expect(compare("2022", "2023"), `BENCH_FLOOR=${value}`).rejects.toMatchObject(NOT_FOUND);
    }
  });

  it("with BENCH_FLOOR=1 hands the entry grid every figure of the year, as the year page does", async () => {
    vi.stubEnv("BENCH_FLOOR", "1");
    const guard = (await visit("2023")).props.children as Element;
    const grid = guard.props.children as Element;
    const stored = await listYearValues(t.db, 2023);
    expect(stored.length).toBeGreaterThan(0);
    expect((grid.props.rows as EditableValue[]).map((r) => [r.metricKey, r.value])).toEqual(
      stored.map((v) => [v.metricKey, v.value === null ? null : Number(v.value)]),
    );
    await expect(visit("not-a-year")).rejects.toMatchObject(NOT_FOUND);
  });

  it("with BENCH_FLOOR=1 hands the dashboard's cards the default year's figures and its charts every value, and the compare table both years' rows", async () => {
    vi.stubEnv("BENCH_FLOOR", "1");
    const [cards, charts] = (await DashboardFloor()).props.children as Element[];
    expect(cards!.props.year).toBe(2023);
    expect(cards!.props.kpis!.filter((k) => k.current !== null).length).toBe((await listYearValues(t.db, 2023)).filter((v) => v.value !== null).length);
    // The charts get every value of every year, as the dashboard's do.
    expect(charts!.props.values!.length).toBeGreaterThan(cards!.props.kpis!.length);
    const [table] = (await compare("2022", "2023")).props.children as Element[];
    expect(table!.props.rows!.length).toBe((await listYearValues(t.db, 2023)).length);
    await expect(compare("2022", "1900")).rejects.toMatchObject(NOT_FOUND);
    await expect(compare("2022", "soon")).rejects.toMatchObject(NOT_FOUND);
  });
});
