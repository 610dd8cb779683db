import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sections } from "@/db/schema";
import { createMetric, updateMetric } from "@/db/commands/metrics";
import { saveValue } from "@/db/commands/values";
import { lockYear, openYear, unlockYear } from "@/db/commands/years";
import type { Actor } from "@/lib/auth/actor";
import { valuesToCsv } from "@/lib/csv/values-csv";
import { toExportRows } from "@/lib/export/model";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import { loadYearExport } from "./export";
import { readYearContent } from "./year-content";
import { findYearMetric, listYearOutline, listYearSections, listYearValues } from "./years";

const YEAR = 2062;

describe.each(engines)("a locked year keeps its labels on %s", (engine) => {
  let t: TestDatabase;
  let admin: Actor;
  let original: { label: string; unit: string; sectionTitle: string };
  const row = async (key: string) => (await listYearValues(t.db, YEAR)).find((v) => v.metricKey === key);

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    admin = await createActor(t, "admin", "Ada Admin");
    await openYear(t.db, YEAR, admin);
    await saveValue(t.db, YEAR, "peace_operations", { value: 11 }, admin);
    await lockYear(t.db, YEAR, admin);
    const locked = (await listYearValues(t.db, YEAR)).find((v) => v.metricKey === "peace_operations")!;
    const section = (await listYearSections(t.db, YEAR)).find((s) => s.key === locked.section)!;
    original = { label: locked.label, unit: locked.unit, sectionTitle: section.title };
    // After the sign-off, the catalogue moves on.
    await updateMetric(t.db, "peace_operations", { label: "Operations (renamed)", max: 20 }, admin);
    await updateMetric(t.db, "pbc_countries_regions", { archived: true }, admin);
    await t.db.update(sections).set({ title: "A retitled section" }).where(eq(sections.key, "peacekeeping"));
    await createMetric(t.db, { key: "added_after_lock", label: "Added after the lock", section: "peacekeeping", unit: "count", direction: "up" }, admin);
  });
  afterAll(() => t.drop());

  it("its figures keep the label, unit and section title they had, and a metric archived since stays", async () => {
    expect(await row("peace_operations")).toMatchObject({ label: original.label, unit: original.unit, value: 11 });
    expect(await row("pbc_countries_regions")).toBeDefined();
    // Every current metric still has its row (the contract's "one row per metric"), under its own name.
    expect(await row("added_after_lock")).toMatchObject({ label: "Added after the lock", value: null });
    expect((await listYearSections(t.db, YEAR)).find((s) => s.key === "peacekeeping")?.title).toBe(original.sectionTitle);
    expect(await findYearMetric(t.db, YEAR, "peace_operations")).toMatchObject({ label: original.label, unit: original.unit });
    // What the snapshot of the lock recorded is what the year still shows.
    expect((await readYearContent(t.db, YEAR)).values.find((v) => v.metricKey === "peace_operations")).toMatchObject({ label: original.label });
  });

  it("its outline and one section's rows are those of the whole list, under the sections as locked", async () => {
    const lockedSection = (await row("peace_operations"))!.section;
    await updateMetric(t.db, "peace_operations", { section: "rule_of_law" }, admin);
    const all = await listYearValues(t.db, YEAR);
    const outline = await listYearOutline(t.db, YEAR);
    expect(outline).toEqual(all.map((v) => ({ metricKey: v.metricKey, section: v.section, filled: v.value !== null })));
    expect(outline.find((v) => v.metricKey === "peace_operations")).toEqual({ metricKey: "peace_operations", section: lockedSection, filled: true });
    // Archived since the lock, and still part of the year.
    expect(outline.some((v) => v.metricKey === "pbc_countries_regions")).toBe(true);

    const shown = await listYearValues(t.db, YEAR, { section: lockedSection });
    expect(shown).toEqual(all.filter((v) => v.section === lockedSection));
    expect(shown.map((v) => v.metricKey)).toContain("peace_operations");
    expect((await listYearValues(t.db, YEAR, { section: "rule_of_law" })).map((v) => v.metricKey)).not.toContain("peace_operations");

    // A year opened now has no row of the archived metric: neither list has it.
    await openYear(t.db, YEAR + 1, admin);
    expect((await listYearOutline(t.db, YEAR + 1)).some((v) => v.metricKey === "pbc_countries_regions")).toBe(false);
    expect((await listYearValues(t.db, YEAR + 1)).some((v) => v.metricKey === "pbc_countries_regions")).toBe(false);
    await updateMetric(t.db, "peace_operations", { section: lockedSection }, admin);
  });

  it("its CSV, XLSX and JSON exports say the old label (one model feeds all three)", async () => {
    const exported = (await loadYearExport(t.db, YEAR))!;
    const operations = exported.values.find((v) => v.metricKey === "peace_operations")!;
    expect(operations).toMatchObject({ label: original.label, unit: original.unit });
    const csv = valuesToCsv(toExportRows(exported));
    expect(csv).not.toContain("Operations (renamed)");
    expect(exported.sections.find((s) => s.key === "peacekeeping")?.title).toBe(original.sectionTitle);
  });

  it("an open year, and the year once unlocked, show the metrics as they are now", async () => {
    // 2022 is open (the seed signs off 2023 only).
    expect((await listYearValues(t.db, 2022)).find((v) => v.metricKey === "peace_operations")).toMatchObject({ label: "Operations (renamed)" });
    await unlockYear(t.db, YEAR, "A correction after sign-off", admin);
    expect(await row("peace_operations")).toMatchObject({ label: "Operations (renamed)" });
    expect(await row("added_after_lock")).toBeDefined();
  });
});
