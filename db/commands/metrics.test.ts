import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { createMetricSchema, updateMetricSchema } from "@/lib/validation/metric";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { listAudit } from "@/tests/support/audit";
import { findMetric, listMetrics } from "../queries/catalog";
import { listYearValues } from "../queries/years";
import { createMetric, updateMetric } from "./metrics";
import { createUser } from "./users";
import { saveValue } from "./values";
import { openYear } from "./years";

const PASSWORD = "lantern orchard ninety rivers";

describe.each(engines)("metric definitions on %s", (engine) => {
  let t: TestDatabase;
  let admin: { id: number; email: string; name: string; role: "admin"; via: "session" };
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const row = await createUser(t.db, { email: "meta@example.org", name: "Meta", role: "admin", password: PASSWORD }, null);
    admin = { id: row.id, email: row.email, name: row.name, role: "admin", via: "session" };
  });
  afterAll(() => t.drop());

  const base = { key: "", label: "Test metric", section: "peacebuilding", unit: "count", direction: "up" } as const;

  it("creates a metric at the end of its section and audits it", async () => {
    const before = (await listMetrics(t.db)).filter((m) => m.section === "peacebuilding");
    const created = await createMetric(t.db, createMetricSchema.parse({ ...base, key: "new_things", description: "  ", min: 0, max: 10 }), admin);
    expect(created).toMatchObject({ key: "new_things", section: "peacebuilding", unit: "count", description: null, min: 0, max: 10, archived: false });
    const after = (await listMetrics(t.db)).filter((m) => m.section === "peacebuilding");
    expect(after.map((m) => m.key)).toEqual([...before.map((m) => m.key), "new_things"]);
    expect((await listAudit(t.db))[0]).toMatchObject({ action: "metric_created", metricKey: "new_things", actorId: admin.id });
  });

  it("refuses a duplicate key with 409 and an unknown section with 422, writing nothing", async () => {
    const [auditBefore] = await t.db.select({ n: count() }).from(schema.auditLog);
    await expect(createMetric(t.db, { ...base, key: "peacekeepers_total" }, admin)).rejects.toMatchObject({
      code: "conflict",
      fields: { key: expect.any(String) },
    });
    await expect(createMetric(t.db, { ...base, key: "nowhere", section: "no_such_section" }, admin)).rejects.toMatchObject({
      code: "validation",
      fields: { section: expect.any(String) },
    });
    expect(await findMetric(t.db, "nowhere")).toBeNull();
    expect((await t.db.select({ n: count() }).from(schema.auditLog))[0]).toEqual(auditBefore);
  });

  it("validates key, unit and bounds in the shared schema", () => {
    expect(createMetricSchema.safeParse({ ...base, key: "Bad-Key" }).success).toBe(false);
    expect(createMetricSchema.safeParse({ ...base, key: "9lives" }).success).toBe(false);
    expect(createMetricSchema.safeParse({ ...base, key: "a".repeat(65) }).success).toBe(false);
    expect(createMetricSchema.safeParse({ ...base, key: "ok_key", unit: "miles" }).success).toBe(false);
    const bounds = createMetricSchema.safeParse({ ...base, key: "ok_key", min: 5, max: 1 });
    expect(bounds.success).toBe(false);
    expect(bounds.error?.issues[0]?.path).toEqual(["max"]);
    expect(createMetricSchema.safeParse({ ...base, key: "ok_key", min: 1, max: 1 }).success).toBe(true);
  });

  it("never changes a key", async () => {
    await expect(updateMetric(t.db, "new_things", { key: "renamed", label: "Renamed" }, admin)).rejects.toMatchObject({
      code: "validation",
      fields: { key: expect.any(String) },
    });
    expect(await findMetric(t.db, "renamed")).toBeNull();
    expect((await findMetric(t.db, "new_things"))?.label).toBe("Test metric");
    // Sending the key back unchanged is fine.
    expect(await updateMetric(t.db, "new_things", { key: "new_things", label: "Renamed" }, admin)).toMatchObject({ key: "new_things", label: "Renamed" });
  });

  it("changes the unit while no year holds a value, and refuses it once one does", async () => {
    expect(await updateMetric(t.db, "new_things", { unit: "km" }, admin)).toMatchObject({ unit: "km" });
    await openYear(t.db, 2061, admin);
    await saveValue(t.db, 2061, "new_things", { value: 3 }, admin);
    await expect(updateMetric(t.db, "new_things", { unit: "percent", label: "Other" }, admin)).rejects.toMatchObject({
      code: "validation",
      fields: { unit: expect.stringContaining("2061") },
    });
    // Nothing of the refused change was written.
    expect(await findMetric(t.db, "new_things")).toMatchObject({ unit: "km", label: "Renamed" });
    // A seeded metric with values in 2023 is refused too.
    await expect(updateMetric(t.db, "peacekeepers_total", { unit: "percent" }, admin)).rejects.toMatchObject({
      fields: { unit: expect.stringContaining("2023") },
    });
  });

  it("checks min ≤ max against the stored bound when only one is sent", async () => {
    await expect(updateMetric(t.db, "new_things", { min: 50 }, admin)).rejects.toMatchObject({ code: "validation", fields: { max: expect.any(String) } });
    expect(updateMetricSchema.safeParse({ min: 5, max: 1 }).success).toBe(false);
  });

  it("archives: kept in years with a value, left out of new years; audited with the change", async () => {
    await updateMetric(t.db, "new_things", { archived: true }, admin);
    expect((await listAudit(t.db))[0]).toMatchObject({
      action: "metric_updated",
      metricKey: "new_things",
      detail: { changes: { archived: { from: false, to: true } } },
    });
    expect((await listYearValues(t.db, 2061)).map((v) => v.metricKey)).toContain("new_things");
    await openYear(t.db, 2062, admin);
    expect((await listYearValues(t.db, 2062)).map((v) => v.metricKey)).not.toContain("new_things");
    await updateMetric(t.db, "new_things", { archived: false }, admin);
    expect((await listYearValues(t.db, 2062)).map((v) => v.metricKey)).toContain("new_things");
  });

  it("moves a metric to the end of its new section", async () => {
    const moved = await updateMetric(t.db, "new_things", { section: "peacekeeping" }, admin);
    expect(moved.section).toBe("peacekeeping");
    const keys = (await listMetrics(t.db)).filter((m) => m.section === "peacekeeping").map((m) => m.key);
    expect(keys.at(-1)).toBe("new_things");
    const [row] = await t.db.select().from(schema.metrics).where(eq(schema.metrics.key, "new_things"));
    expect(row?.sectionKey).toBe("peacekeeping");
  });

  it("answers 404 for an unknown metric", async () => {
    await expect(updateMetric(t.db, "no_such_metric", { label: "x" }, admin)).rejects.toMatchObject({ code: "not_found" });
  });
});
