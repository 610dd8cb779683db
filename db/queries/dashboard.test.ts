import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { saveValue } from "@/db/commands/values";
import { counting, createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import type { Actor } from "@/lib/auth/actor";
import { readComparison } from "./compare";
import { listLatestEdits, loadDashboardData } from "./dashboard";
import { listAllValues, listAllValuesCached, valuesFingerprint } from "./value-points";

describe.each(engines)("dashboard and comparison queries on %s", (engine) => {
  let t: TestDatabase;
  let actor: Actor;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    actor = await createActor(t, "editor", "Dana Editor");
  });
  afterAll(() => t.drop());

  it("reads every value of every year, with gaps left out rather than zeroed", async () => {
    const values = await listAllValues(t.db);
    const totals = values.filter((v) => v.metricKey === "peacekeepers_total");
    expect(totals).toEqual([
      { metricKey: "peacekeepers_total", year: 2022, value: 74892, qualifier: null },
      { metricKey: "peacekeepers_total", year: 2023, value: 76000, qualifier: "over" },
    ]);
    expect(values.filter((v) => v.year === 2023)).toHaveLength(50);
    expect(values.every((v) => v.value !== null)).toBe(true);
    // The copy in memory is read by another statement (with the fingerprint): the same rows in the same order.
    expect(await listAllValuesCached(counting(t).db)).toEqual(values);
  });

  it("loads the dashboard in six queries, and in five once the catalogue is in memory, whether or not the values changed", async () => {
    const c = counting(t);
    const before = await loadDashboardData(c.db);
    // The catalogue's digest and its metrics; the values with their fingerprint in one statement; years, sections, latest edits.
    expect(c.count()).toBe(6);
    expect(before.metrics).toHaveLength(50);
    expect(before.years.map((y) => y.year)).toEqual([2024, 2023, 2022, 2021, 2020, 2019, 2018]);
    expect(before.years.find((y) => y.year === 2023)?.valueCount).toBe(50);

    c.reset();
    const again = await loadDashboardData(c.db);
    expect(c.count()).toBe(5);
    expect(again.values).toBe(before.values);

    // Ten more years with a value for every metric: the values read afresh by the same one statement, the catalogue still from memory.
    const metricIds = (await t.db.select({ id: schema.metrics.id }).from(schema.metrics)).map((m) => m.id);
    const extra = Array.from({ length: 10 }, (_, i) => 2040 + i);
    await t.db.insert(schema.reportingYears).values(extra.map((year) => ({ year })));
    await t.db.insert(schema.metricValues).values(extra.flatMap((year) => metricIds.map((metricId) => ({ metricId, year, value: year }))));
    c.reset();
    const after = await loadDashboardData(c.db);
    expect(c.count()).toBe(5);
    expect(after.values.length).toBe(before.values.length + 10 * metricIds.length);
    expect(after.years.find((y) => y.year === 2045)?.valueCount).toBe(metricIds.length);
  });

  it("reads the values again after every kind of change to them", async () => {
    const c = counting(t);
    await t.db.insert(schema.reportingYears).values({ year: 2033 });
    const valueIn2033 = async () => (await listAllValuesCached(c.db)).find((v) => v.year === 2033 && v.metricKey === "peace_operations")?.value ?? null;
    const fingerprints = [await valuesFingerprint(t.db)];

    expect(await valueIn2033()).toBeNull();
    const first = await saveValue(t.db, 2033, "peace_operations", { value: 11, version: 0 }, actor);
    expect(await valueIn2033()).toBe(11);
    fingerprints.push(await valuesFingerprint(t.db));
    await saveValue(t.db, 2033, "peace_operations", { value: 12, version: first.version }, actor);
    expect(await valueIn2033()).toBe(12);
    fingerprints.push(await valuesFingerprint(t.db));
    await saveValue(t.db, 2033, "peace_operations", { value: null, version: first.version + 1 }, actor);
    expect(await valueIn2033()).toBeNull();
    fingerprints.push(await valuesFingerprint(t.db));
    expect(new Set(fingerprints).size).toBe(4);

    // Unchanged: the same array, without reading the values.
    const cached = await listAllValuesCached(c.db);
    c.reset();
    expect(await listAllValuesCached(c.db)).toBe(cached);
    expect(c.count()).toBe(1);
  });

  it("lists the newest value revisions first, with who made them", async () => {
    await t.db.insert(schema.reportingYears).values({ year: 2031 });
    await saveValue(t.db, 2031, "peace_operations", { value: 12, version: 0, reason: "first figure" }, actor);
    await saveValue(t.db, 2031, "peacekeepers_total", { value: 70000, qualifier: "over", version: 0 }, actor);
    const edits = await listLatestEdits(t.db, 10);
    expect(edits).toHaveLength(10);
    expect(edits[0]).toMatchObject({
      year: 2031,
      metricKey: "peacekeepers_total",
      label: "Total peacekeepers",
      value: 70000,
      qualifier: "over",
      changedBy: "Dana Editor",
    });
    expect(edits[1]).toMatchObject({ year: 2031, metricKey: "peace_operations", value: 12, reason: "first figure" });
    const ids = edits.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("compares 2022 with 2023 in five queries, the catalogue read only the first time", async () => {
    const c = counting(t);
    await readComparison(c.db, 2022, 2023);
    expect(c.count()).toBe(6);
    c.reset();
    const { missingYears, comparison } = await readComparison(c.db, 2022, 2023);
    expect(c.count()).toBe(5);
    expect(missingYears).toEqual([]);
    const total = comparison!.rows.find((r) => r.metricKey === "peacekeepers_total");
    expect(total).toMatchObject({ from: 74892, to: 76000, delta: 1108, deltaPct: 1.5, qualifierChanged: true, status: "changed" });
    const countries = comparison!.rows.find((r) => r.metricKey === "contributing_countries");
    expect(countries).toMatchObject({ from: 120, to: 120, delta: 0, deltaPct: 0, status: "unchanged" });
    const women = comparison!.rows.find((r) => r.metricKey === "peacekeepers_women");
    expect(women).toMatchObject({ from: null, to: 6000, delta: null, deltaPct: null, status: "added" });
    expect(comparison!.rows).toHaveLength(50);
    // 2022 has no quotes: every 2023 quote is new.
    const quoteCount = (await t.db.select().from(schema.quotes)).filter((q) => q.year === 2023 && !q.deletedAt).length;
    expect(comparison!.quotes.added).toHaveLength(quoteCount);
    expect(comparison!.quotes.removed).toEqual([]);
  });

  it("names the years that do not exist instead of comparing them", async () => {
    expect(await readComparison(t.db, 1999, 2023)).toEqual({ missingYears: [1999], comparison: null });
    expect(await readComparison(t.db, 1998, 1999)).toEqual({ missingYears: [1998, 1999], comparison: null });
  });

  it("shows a changed quote word by word", async () => {
    const [q] = await t.db.select().from(schema.quotes).where(eqYear(2023)).limit(1);
    await t.db.insert(schema.reportingYears).values({ year: 2032 });
    await t.db.insert(schema.quotes).values({ year: 2032, speaker: q!.speaker, title: q!.title, sectionKey: q!.sectionKey, text: `${q!.text} Indeed.` });
    const { comparison } = await readComparison(t.db, 2023, 2032);
    const change = comparison!.quotes.changed.find((c) => c.speaker === q!.speaker);
    expect(change?.diff.filter((d) => d.added).map((d) => d.value.trim())).toEqual(["Indeed."]);
  });
});

const eqYear = (year: number) => eq(schema.quotes.year, year);
