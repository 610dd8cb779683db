import type { ReactElement } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { EditableValue } from "@/components/years/value-editor-types";
import { listYearValues } from "@/db/queries/years";
import { createTestDatabase, type TestDatabase } from "./support/db";

// The benchmark's bare page: no session and no guard, so it must be closed unless the benchmark opens it.
const calls = vi.hoisted<{ db: unknown }>(() => ({ db: null }));
vi.mock("@/db/client", () => ({ getDb: () => Promise.resolve(calls.db) }));

const { default: FloorPage } = await import("@/app/bench-floor/years/[year]/page");

type Element = ReactElement<{ children?: Element; rows?: EditableValue[] }>;

describe("the benchmark's page of a year's figures drawn alone", () => {
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

  it("is not found without BENCH_FLOOR=1", async () => {
    for (const value of [undefined, "", "0", "true"]) {
      vi.stubEnv("BENCH_FLOOR", value);
      await expect(visit("2023"), `BENCH_FLOOR=${value}`).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    }
  });

  it("with BENCH_FLOOR=1 hands the entry grid every figure of the year, as the year page does", async () => {
    vi.stubEnv("BENCH_FLOOR", "1");
    const grid = (await visit("2023")).props.children!.props.children!;
    const stored = await listYearValues(t.db, 2023);
    expect(stored.length).toBeGreaterThan(0);
    expect(grid.props.rows!.map((r) => [r.metricKey, r.value])).toEqual(stored.map((v) => [v.metricKey, v.value === null ? null : Number(v.value)]));
    await expect(visit("not-a-year")).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
  });
});
