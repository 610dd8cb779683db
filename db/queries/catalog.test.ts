import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { createMetric, updateMetric } from "@/db/commands/metrics";
import { counting, createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import type { Actor } from "@/lib/auth/actor";
import { listMetrics, listMetricsCached } from "./catalog";

describe.each(engines)("the catalogue cache on %s", (engine) => {
  let t: TestDatabase;
  let admin: Actor;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    admin = await createActor(t, "admin", "Ada Admin");
  });
  afterAll(() => t.drop());

  it("serves the same metrics from memory, reading only the digest, while nothing changed", async () => {
    const c = counting(t);
    const first = await listMetricsCached(c.db);
    expect(first).toEqual(await listMetrics(t.db));
    expect(c.count()).toBe(2);
    c.reset();
    expect(await listMetricsCached(c.db)).toBe(first);
    expect(c.count()).toBe(1);
  });

  it("reads the metrics again after every kind of change to the catalogue", async () => {
    const c = counting(t);
    const label = async (key: string) => (await listMetricsCached(c.db)).find((m) => m.key === key)?.label;
    expect(await label("peace_operations")).toBe("Peace operations");

    await updateMetric(t.db, "peace_operations", { label: "Peace operations led" }, admin);
    expect(await label("peace_operations")).toBe("Peace operations led");

    await updateMetric(t.db, "peace_operations", { max: 500 }, admin);
    expect((await listMetricsCached(c.db)).find((m) => m.key === "peace_operations")?.max).toBe(500);

    await updateMetric(t.db, "peace_operations", { archived: true }, admin);
    expect((await listMetricsCached(c.db)).find((m) => m.key === "peace_operations")?.archived).toBe(true);

    await createMetric(t.db, { key: "cache_probe", label: "Cache probe", section: "peacekeeping", unit: "count", direction: "up" }, admin);
    expect(await label("cache_probe")).toBe("Cache probe");

    // A section moved ahead of another reorders the catalogue: the order is part of what is cached.
    const orderBefore = (await listMetricsCached(c.db)).map((m) => m.section);
    await t.db.update(schema.sections).set({ sortOrder: -1 }).where(eq(schema.sections.key, "rule_of_law"));
    const orderAfter = (await listMetricsCached(c.db)).map((m) => m.section);
    expect(orderAfter[0]).toBe("rule_of_law");
    expect(orderAfter).not.toEqual(orderBefore);
  });

  it("keeps one entry per database handle", async () => {
    const a = counting(t);
    const b = counting(t);
    await listMetricsCached(a.db);
    b.reset();
    await listMetricsCached(b.db);
    // A handle of its own reads the metrics itself rather than trusting another's memory.
    expect(b.count()).toBe(2);
  });
});
