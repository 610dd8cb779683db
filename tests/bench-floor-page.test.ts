import type { ReactElement } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { EditableValue } from "@/components/years/value-editor-types";
import { listYearValues } from "@/db/queries/years";
import type { Kpi } from "@/lib/dashboard/series";
import { createTestDatabase, type TestDatabase } from "./support/db";

// The benchmark's bare page: no session and no guard, so it must be closed unless the benchmark opens it.
const calls = vi.hoisted<{ db: unknown }>(() => ({ db: null }));
vi.mock("@/db/client", () => ({ getDb: () => Promise.resolve(calls.db) }));

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

describe("the benchmark's pages drawing what a page shows, alone", () => {
  let t: TestDatabase;
  const visit = (year: string) => FloorPage({ params: Promise.resolve({ year }) }) as Promise<Element>;

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
