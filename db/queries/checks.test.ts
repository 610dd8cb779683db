import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addComment, setCommentResolved } from "@/db/commands/comments";
import { addMetricBreak, updateMetric } from "@/db/commands/metrics";
import { createRule } from "@/db/commands/rules";
import { saveValue } from "@/db/commands/values";
import type { Actor } from "@/lib/auth/actor";
import { reportingYears } from "@/db/schema";
import { counting, createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor, createYearWithValues } from "@/tests/support/db-fixtures";
import { listChecksOfYears, listYearChecks } from "./checks";
import { loadYearReview } from "./year-review";

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
    // The catalogue's digest and the metrics, the values with their fingerprint (one statement), rules, breaks, open comments, and the text's ties (none in this year).
    expect(c.count()).toBe(7);
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

  it("asked for the newest years, reads which they are beside its other reads: the same checks as for those years named", async () => {
    await addComment(t.db, 2022, "peace_operations", "Asked of 2022 only", reviewer);
    const of2022 = (await listChecksOfYears(t.db, [2022])).get(2022)!;
    expect(of2022.filter((k) => k.kind === "comment" && k.message.includes("2022 only"))).toHaveLength(1);
    const newest = (await t.db.select({ year: reportingYears.year }).from(reportingYears).orderBy(desc(reportingYears.year)).limit(2)).map((y) => y.year);
    expect(newest).toContain(2071);
    const named = await listChecksOfYears(t.db, newest);
    const c = counting(t);
    const asked = await listChecksOfYears(c.db, { newest: 2 });
    // The years themselves, then the seven every asking takes.
    expect(c.count()).toBe(8);
    expect([...asked.keys()]).toEqual(newest);
    expect(asked).toEqual(named);
    // An older year's unresolved comment is not among them.
    expect(asked.has(2022)).toBe(false);
    expect([...asked.values()].flat().filter((k) => k.kind === "comment" && k.message.includes("2022 only"))).toEqual([]);
  });

  it("reads the checks of every year in the same queries, each year's alike to its own reading", async () => {
    const c = counting(t);
    const all = await listChecksOfYears(c.db, [2071, 2023, 2022]);
    // The same seven: 2023's tied numbers come with the figures they state.
    expect(c.count()).toBe(7);
    expect(all.get(2071)).toEqual(await listYearChecks(t.db, 2071));
    expect(all.get(2022)).toEqual(await listYearChecks(t.db, 2022));
  });

  it("the year page's review counts each figure's unresolved comments from the checks, not from a read of its own", async () => {
    await addComment(t.db, 2071, "pda_international", "Which advisers are counted?", reviewer);
    const answered = await addComment(t.db, 2071, "pda_international", "Source?", reviewer);
    await setCommentResolved(t.db, answered.id, true, editor);
    const c = counting(t);
    const review = await loadYearReview(c.db, 2071);
    // The checks' seven, the timeline and the breaks: no read of the comments besides the checks' own.
    // (Within a page's render React's cache shares the breaks with the checks' read; a test has no render.)
    expect(c.count()).toBe(9);
    expect(review.openComments.get("pda_international")).toBe(1);
    expect(review.openComments.get("peacekeepers_women")).toBe(1);
    // Its one comment is resolved.
    expect(review.openComments.has("peacekeepers_total")).toBe(false);
    const commentChecks = review.checks.filter((k) => k.kind === "comment");
    expect([...review.openComments.values()].reduce((a, b) => a + b, 0)).toBe(commentChecks.length);
  });
});
