import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addComment, setCommentResolved } from "@/db/commands/comments";
import { addMetricBreak, updateMetric } from "@/db/commands/metrics";
import { createRule } from "@/db/commands/rules";
import { saveValue } from "@/db/commands/values";
import type { Actor } from "@/lib/auth/actor";
import { counting, createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor, createYearWithValues } from "@/tests/support/db-fixtures";
import { listMetricBreaks } from "./breaks";
import { listMetricsCached } from "./catalog";
import { listChecksOfYears, listYearChecks } from "./checks";
import { listAllValuesCached } from "./value-points";

describe.each(engines)("a year's checks on %s", (engine) => {
  let t: TestDatabase;
  let editor: Actor;
  let reviewer: Actor;
  let admin: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    editor = await createActor(t, "editor", "Edith Editor");
    reviewer = await createActor(t, "reviewer", "Rui Reviewer");
    admin = await createActor(t, "admin", "Ada Admin");
    // 2071: women outnumber all peacekeepers (a seeded error rule), a soft limit crossed, a tripled figure,
    // a big change across a series break (no outlier), and one open and one resolved comment.
    await createYearWithValues(t, 2071, editor, { peacekeepers_total: 72000, peacekeepers_women: 80000 });
    await updateMetric(t.db, "peace_operations", { warnMax: 20 }, admin);
    await saveValue(t.db, 2071, "peace_operations", { value: 30 }, editor);
    await saveValue(t.db, 2071, "pda_international", { value: 400 }, editor);
    await addMetricBreak(t.db, "grave_violations_verified", { year: 2071, note: "Monitored and reported, no longer verified only" }, admin);
    await saveValue(t.db, 2071, "grave_violations_verified", { value: 90000 }, editor);
    await addComment(t.db, 2071, "peacekeepers_women", "Is 80,000 right? The total is 72,000.", reviewer);
    const answered = await addComment(t.db, 2071, "peacekeepers_total", "Source?", reviewer);
    await setCommentResolved(t.db, answered.id, true, editor);
  });
  afterAll(() => t.drop());

  it("finds every kind, errors first, each naming its figure", async () => {
    const checks = await listYearChecks(t.db, 2071);
    expect(checks[0]).toEqual({
      kind: "rule",
      severity: "error",
      ruleKey: "women_peacekeepers_within_total",
      metricKey: "peacekeepers_women",
      message: "Women peacekeepers cannot outnumber all peacekeepers (Women peacekeepers 80,000, Total peacekeepers 72,000)",
    });
    expect(checks.filter((c) => c.severity === "error")).toHaveLength(1);
    expect(checks.filter((c) => c.kind === "range")).toEqual([
      { kind: "range", severity: "warning", metricKey: "peace_operations", message: "Peace operations: 30 is above the usual maximum of 20" },
    ]);
    expect(checks.filter((c) => c.kind === "outlier").map((c) => c.metricKey)).toEqual(["peacekeepers_women", "peace_operations", "pda_international"]);
    expect(checks.find((c) => c.kind === "outlier" && c.metricKey === "pda_international")).toEqual({
      kind: "outlier",
      severity: "warning",
      metricKey: "pda_international",
      message: "International peace and development advisers: 400 is +200.8% against 133 in 2023, more than the usual 50% change",
    });
    expect(checks.filter((c) => c.kind === "comment")).toEqual([
      {
        kind: "comment",
        severity: "warning",
        metricKey: "peacekeepers_women",
        message: "Unresolved comment by Rui Reviewer on Women peacekeepers: “Is 80,000 right? The total is 72,000.”",
      },
    ]);
    const missing = checks.filter((c) => c.kind === "missing");
    expect(missing).toHaveLength(50 - 5);
    expect(missing).toContainEqual({
      kind: "missing",
      severity: "warning",
      metricKey: "mediation_regions",
      message: "Regions with mediation support has no value for 2071",
    });
    expect(checks.some((c) => c.metricKey === "grave_violations_verified")).toBe(false);
  });

  it("a metric's own warnChangePct replaces the default of 50%", async () => {
    await updateMetric(t.db, "pda_international", { warnChangePct: 250 }, admin);
    expect((await listYearChecks(t.db, 2071)).filter((c) => c.kind === "outlier" && c.metricKey === "pda_international")).toEqual([]);
    await updateMetric(t.db, "pda_international", { warnChangePct: null }, admin);
  });

  it("skips a rule whose figures lack a value in the year, and reports a warning rule as a warning", async () => {
    await createRule(
      t.db,
      { key: "operations_within_police", expression: "peace_operations <= un_police_missions", severity: "warning", message: null },
      admin,
    );
    const checks = await listYearChecks(t.db, 2071);
    // un_police_missions has no value in 2071: skipped there.
    expect(checks.some((c) => c.ruleKey === "operations_within_police")).toBe(false);
    await saveValue(t.db, 2071, "un_police_missions", { value: 3 }, editor);
    expect((await listYearChecks(t.db, 2071)).find((c) => c.ruleKey === "operations_within_police")).toEqual({
      kind: "rule",
      severity: "warning",
      ruleKey: "operations_within_police",
      metricKey: "peace_operations",
      message: "Rule “operations_within_police” fails: peace_operations <= un_police_missions (Peace operations 30, Missions with United Nations police 3)",
    });
  });

  it("the 2023 report passes every shipped rule", async () => {
    expect((await listYearChecks(t.db, 2023)).filter((c) => c.kind === "rule")).toEqual([]);
  });

  it("reads in the same fixed number of queries with ten more rules and comments", async () => {
    const c = counting(t);
    await listYearChecks(c.db, 2071);
    // The catalogue's digest and the metrics, the values' fingerprint and the values, rules, breaks, open comments, and the text's ties (none in this year).
    expect(c.count()).toBe(8);
    c.reset();
    await listYearChecks(c.db, 2071);
    // Neither changed since: the metrics and the values come from memory (listMetricsCached, listAllValuesCached), shared with the dashboard.
    const before = c.count();
    expect(before).toBe(6);
    for (let i = 0; i < 10; i++) {
      await createRule(t.db, { key: `extra_rule_${i}`, expression: `peace_operations >= ${i}`, severity: "warning", message: null }, admin);
      await addComment(t.db, 2071, "peace_operations", `Question ${i}`, reviewer);
    }
    c.reset();
    const checks = await listYearChecks(c.db, 2071);
    expect(c.count()).toBe(before);
    expect(checks.filter((k) => k.kind === "comment")).toHaveLength(11);
  });

  it("does not read again what its caller has just read (the dashboard's catalogue, values and breaks)", async () => {
    const years = [2071, 2023];
    const expected = await listChecksOfYears(t.db, years);
    const already = { catalogue: await listMetricsCached(t.db), values: await listAllValuesCached(t.db), breaks: await listMetricBreaks(t.db) };
    const c = counting(t);
    const checks = await listChecksOfYears(c.db, years, already);
    // Rules, open comments, and the text's ties with the figures they state: no digest, fingerprint or breaks.
    expect(c.count()).toBe(3);
    expect(checks).toEqual(expected);
    // What is given is what is checked: a break the caller read names no outlier for its metric.
    const withoutBreaks = await listChecksOfYears(t.db, years, { ...already, breaks: [] });
    expect(withoutBreaks.get(2071)!.length).toBeGreaterThan(expected.get(2071)!.length);
  });

  it("reads the checks of every year in the same queries, each year's alike to its own reading", async () => {
    const c = counting(t);
    const all = await listChecksOfYears(c.db, [2071, 2023, 2022]);
    // The same eight: 2023's tied numbers come with the figures they state.
    expect(c.count()).toBe(8);
    expect(all.get(2071)).toEqual(await listYearChecks(t.db, 2071));
    expect(all.get(2022)).toEqual(await listYearChecks(t.db, 2022));
  });
});
