import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "@/db/client";
import { counting, createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { listAllMetricBreaks } from "./breaks";
import { listMetricsCached } from "./catalog";
import { listAllValuesCached } from "./value-points";
import { listYearFiguresCached } from "./year-figures";
import { findYearDetail, listYearsNewestFirst } from "./years";

/**
 * The reads React's request cache shares between the parts of a page hand each part the same
 * answer: each must be a promise that reads once, however often it is awaited. A Drizzle query
 * returned as it is would be a thenable that runs again on every await.
 */
const CACHED_READS: [string, (db: Executor) => Promise<unknown>][] = [
  ["listAllMetricBreaks", listAllMetricBreaks],
  ["listMetricsCached", listMetricsCached],
  ["listAllValuesCached", listAllValuesCached],
  ["findYearDetail", (db) => findYearDetail(db, 2023)],
  ["listYearFiguresCached", (db) => listYearFiguresCached(db, 2023)],
  ["listYearsNewestFirst", listYearsNewestFirst],
];

describe.each(engines)("reads shared within a render on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(() => t.drop());

  it.each(CACHED_READS)("%s reads once however often its answer is awaited", async (_, read) => {
    const c = counting(t);
    const answer = read(c.db);
    expect(answer).toBeInstanceOf(Promise);
    const first = await answer;
    const once = c.count();
    expect(once).toBeGreaterThan(0);
    expect(await answer).toBe(first);
    await answer;
    expect(c.count()).toBe(once);
  });
});
