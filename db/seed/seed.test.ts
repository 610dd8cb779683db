import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { listYearQuotes, listYearValues, listYears } from "@/db/queries/years";
import { listMetrics, listSections } from "@/db/queries/catalog";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { seedDatabase } from "./seed";

const TABLES = [schema.sections, schema.metrics, schema.reportingYears, schema.metricValues, schema.valueRevisions, schema.quotes, schema.quoteRevisions];

describe.each(engines)("seed on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(() => t.drop());

  const counts = () => Promise.all(TABLES.map(async (table) => (await t.db.select({ n: count() }).from(table))[0]?.n));

  it("loads the 7 sections and the chapter's opening, 50 metrics, 2023 values and the six quotes", async () => {
    expect((await listSections(t.db)).map((s) => s.key)).toEqual([
      "overview",
      "peacekeeping",
      "conflict_prevention",
      "women_peace_security",
      "peacebuilding",
      "electoral_assistance",
      "rule_of_law",
      "children_protection",
    ]);
    expect(await listMetrics(t.db)).toHaveLength(50);
    const values = await listYearValues(t.db, 2023);
    expect(values).toHaveLength(50);
    expect(values.every((v) => v.value !== null && v.version === 1)).toBe(true);
    const peacekeepers = values.find((v) => v.metricKey === "peacekeepers_total");
    expect(peacekeepers).toMatchObject({ value: 76000, qualifier: "over", unit: "count" });
    expect(peacekeepers?.source).toContain("Over 76,000 peacekeepers");
    expect(values.find((v) => v.metricKey === "pbf_approved_budget_usd")).toMatchObject({ value: 203_000_000, qualifier: null });
    const quotes = await listYearQuotes(t.db, 2023);
    expect(quotes.map((q) => q.speaker)).toContain("Rosemary A. DiCarlo");
    expect(quotes).toHaveLength(6);
  });

  it("loads earlier years from history.csv with their source addresses", async () => {
    const years = (await listYears(t.db)).map((y) => y.year);
    expect(years).toEqual([2024, 2023, 2022, 2021, 2020, 2019, 2018]);
    const v2022 = await listYearValues(t.db, 2022);
    const pk = v2022.find((v) => v.metricKey === "peacekeepers_total");
    expect(pk).toMatchObject({ value: 74892, note: "Uniformed personnel as of June 2022" });
    expect(pk?.source).toMatch(/^https:\/\//);
    const police2021 = (await listYearValues(t.db, 2021)).find((v) => v.metricKey === "un_police_officers");
    expect(police2021?.qualifier).toBe("about");
  });

  it("adds one revision per seeded value", async () => {
    const [values, revisions] = await Promise.all([
      t.db.select({ n: count() }).from(schema.metricValues),
      t.db.select({ n: count() }).from(schema.valueRevisions),
    ]);
    expect(values[0]?.n).toBe(50 + 26);
    expect(revisions[0]?.n).toBe(values[0]?.n);
  });

  it("is idempotent: a second run changes nothing", async () => {
    const before = await counts();
    const result = await seedDatabase(t.db);
    expect(result.inserted).toBe(0);
    expect(await counts()).toEqual(before);
  });
});
