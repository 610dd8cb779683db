import { and, count, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as Guard from "@/server/auth/guard";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain";
import { auditLog, reportingYears, snapshots } from "@/db/schema";
import { saveValue } from "@/db/commands/values";
import { openYear } from "@/db/commands/years";
import { createTestDatabase, engines, type TestDatabase } from "./support/db";
import { createPeople } from "./support/db-fixtures";

// The route handlers as a client meets them, with the caller and the database supplied by the test.
const calls = vi.hoisted<{ actor: Actor | null; db: unknown }>(() => ({ actor: null, db: null }));
vi.mock("@/db/client", () => ({ getDb: () => Promise.resolve(calls.db) }));
vi.mock("@/server/auth/guard", async (importOriginal) => ({ ...(await importOriginal<typeof Guard>()), resolveActor: () => Promise.resolve(calls.actor) }));

const submitRoute = await import("@/app/api/v1/years/[year]/submit/route");
const returnRoute = await import("@/app/api/v1/years/[year]/return/route");
const lockRoute = await import("@/app/api/v1/years/[year]/lock/route");
const checksRoute = await import("@/app/api/v1/years/[year]/checks/route");
const yearsRoute = await import("@/app/api/v1/years/route");
const rulesRoute = await import("@/app/api/v1/rules/route");
const ruleRoute = await import("@/app/api/v1/rules/[key]/route");
const previewRoute = await import("@/app/api/v1/rule-preview/route");
const commentsRoute = await import("@/app/api/v1/years/[year]/values/[metricKey]/comments/route");
const resolveRoute = await import("@/app/api/v1/comments/[id]/resolve/route");
const reopenRoute = await import("@/app/api/v1/comments/[id]/reopen/route");
const metricRoute = await import("@/app/api/v1/metrics/[key]/route");
const breaksRoute = await import("@/app/api/v1/metrics/[key]/breaks/route");
const compareRoute = await import("@/app/api/v1/compare/route");
const snapshotRoute = await import("@/app/api/v1/snapshots/[id]/route");

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Answer = { status: number; body: Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string> } } };

async function call(handler: Handler, method: string, params: Record<string, string>, body?: unknown, query = ""): Promise<Answer> {
  const req = new NextRequest(`http://desk.test/api/v1/x${query}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as Answer["body"] };
}

describe.each(engines)("sign-off through the API on %s", (engine) => {
  let t: TestDatabase;
  const people = {} as Record<Role, Actor>;
  const as = (role: Role) => (calls.actor = people[role]);
  const statusOf = async (year: number) => (await t.db.select({ s: reportingYears.status }).from(reportingYears).where(eq(reportingYears.year, year)))[0]?.s;
  const audits = async (action: string, year: number) =>
    await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.year, year)));

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    calls.db = t.db;
    Object.assign(people, await createPeople(t, ["admin", "editor", "reviewer", "viewer"] as const));
  });
  afterAll(() => t.drop());

  it.each([
    ["viewer", 403, 403, 403],
    ["editor", 200, 403, 403],
    ["reviewer", 403, 200, 200],
    ["admin", 200, 200, 200],
  ] as const)("%s: submit %i, return %i, lock %i", async (role, submit, ret, lock) => {
    const year = { admin: 2072, editor: 2073, reviewer: 2074, viewer: 2075 }[role];
    await openYear(t.db, year, people.editor);
    as(role);
    expect((await call(submitRoute.POST, "POST", { year: String(year) })).status).toBe(submit);
    if (submit !== 200) {
      as("editor");
      await call(submitRoute.POST, "POST", { year: String(year) });
      as(role);
    }
    expect(await statusOf(year)).toBe("in_review");
    const returned = await call(returnRoute.POST, "POST", { year: String(year) }, { message: "Check the women peacekeepers figure" });
    expect(returned.status).toBe(ret);
    expect(await statusOf(year)).toBe(ret === 200 ? "open" : "in_review");
    const locked = await call(lockRoute.POST, "POST", { year: String(year) });
    expect(locked.status).toBe(lock);
    expect(await statusOf(year)).toBe(lock === 200 ? "locked" : "in_review");
  });

  it("walks open → in_review → open (with the message) → in_review → locked, each step audited, and refuses steps out of order", async () => {
    await openYear(t.db, 2076, people.editor);
    as("reviewer");
    expect(await call(returnRoute.POST, "POST", { year: "2076" }, { message: "Not submitted yet" })).toMatchObject({ status: 409 });
    expect(await call(returnRoute.POST, "POST", { year: "2076" }, {})).toMatchObject({
      status: 422,
      body: { error: { fields: { message: expect.any(String) } } },
    });
    as("editor");
    expect(await call(submitRoute.POST, "POST", { year: "2076" })).toEqual({ status: 200, body: { year: 2076, status: "in_review" } });
    expect((await call(submitRoute.POST, "POST", { year: "2076" })).status).toBe(409);
    const listed = (await call(yearsRoute.GET, "GET", {})).body.years as { year: number; status: string }[];
    expect(listed.find((y) => y.year === 2076)).toMatchObject({ status: "in_review" });
    // Values can still be saved while in review.
    await saveValue(t.db, 2076, "peace_operations", { value: 12 }, people.editor);

    as("reviewer");
    expect((await call(returnRoute.POST, "POST", { year: "2076" }, { message: "Peace operations: which source?" })).body).toEqual({
      year: 2076,
      status: "open",
      returnMessage: "Peace operations: which source?",
    });
    expect(
      ((await call(yearsRoute.GET, "GET", {})).body.years as { year: number; returnMessage: string | null }[]).find((y) => y.year === 2076)?.returnMessage,
    ).toBe("Peace operations: which source?");
    expect((await audits("year_returned", 2076))[0]?.detail).toEqual({ message: "Peace operations: which source?" });
    as("editor");
    await call(submitRoute.POST, "POST", { year: "2076" });
    expect(
      ((await call(yearsRoute.GET, "GET", {})).body.years as { year: number; returnMessage: string | null }[]).find((y) => y.year === 2076)?.returnMessage,
    ).toBeNull();
    as("reviewer");
    expect((await call(lockRoute.POST, "POST", { year: "2076" }, "")).status).toBe(200);
    expect((await call(submitRoute.POST, "POST", { year: "2076" })).status).toBe(403);
    as("editor");
    expect((await call(submitRoute.POST, "POST", { year: "2076" })).status).toBe(423);
    expect(await audits("year_submitted", 2076)).toHaveLength(2);
    expect(await audits("year_locked", 2076)).toHaveLength(1);
  });

  it("refuses a lock while an error check fails and changes nothing; an override locks and records reason and checks", async () => {
    await openYear(t.db, 2077, people.editor);
    await saveValue(t.db, 2077, "peacekeepers_total", { value: 72000 }, people.editor);
    await saveValue(t.db, 2077, "peacekeepers_women", { value: 80000 }, people.editor);
    as("reviewer");
    const checks = await call(checksRoute.GET, "GET", { year: "2077" });
    expect(checks.status).toBe(200);
    expect(checks.body.year).toBe(2077);
    expect((checks.body.checks as { kind: string; severity: string }[]).filter((c) => c.severity === "error")).toEqual([
      expect.objectContaining({ kind: "rule", ruleKey: "women_peacekeepers_within_total" }),
    ]);

    const snapshotsBefore = (await t.db.select({ n: count() }).from(snapshots))[0]!.n;
    const refused = await call(lockRoute.POST, "POST", { year: "2077" });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "checks_failed", message: expect.stringContaining("override reason") });
    expect(refused.body.checks).toEqual([
      expect.objectContaining({ kind: "rule", severity: "error", ruleKey: "women_peacekeepers_within_total", metricKey: "peacekeepers_women" }),
    ]);
    expect(await statusOf(2077)).toBe("open");
    expect((await t.db.select({ n: count() }).from(snapshots))[0]!.n).toBe(snapshotsBefore);
    expect(await audits("year_locked", 2077)).toHaveLength(0);

    expect(await call(lockRoute.POST, "POST", { year: "2077" }, { overrideReason: "too short" })).toMatchObject({
      status: 422,
      body: { error: { code: "validation", fields: { overrideReason: expect.any(String) } } },
    });
    expect(await statusOf(2077)).toBe("open");

    const reason = "Confirmed with the Department of Peace Operations by phone";
    const locked = await call(lockRoute.POST, "POST", { year: "2077" }, { overrideReason: reason });
    expect(locked.status).toBe(200);
    expect(await statusOf(2077)).toBe("locked");
    const [audit] = await audits("year_locked", 2077);
    expect(audit?.detail).toEqual({ overrideReason: reason, failingChecks: refused.body.checks });
    const snapshot = await call(snapshotRoute.GET, "GET", { id: String((locked.body.snapshot as { id: number }).id) });
    expect(snapshot.body).toMatchObject({ reason: expect.stringContaining(reason), signOff: { overrideReason: reason, failingChecks: refused.body.checks } });
    // Beside the content, not in it: the content's hash still says whether the figures are what was signed off.
    expect(snapshot.body.content).not.toHaveProperty("signOff");
  });

  it("rules: admins only; 422 naming a parse error or an unknown metric; a preview of every year; update and delete", async () => {
    const rule = { key: "circles-within-women", expression: "car_circles_of_peace <= car_circles_of_peace_women", severity: "warning" };
    as("editor");
    expect((await call(rulesRoute.POST, "POST", {}, rule)).status).toBe(403);
    as("admin");
    const badParse = await call(rulesRoute.POST, "POST", {}, { ...rule, expression: "peacekeepers_women <=" });
    expect(badParse).toMatchObject({ status: 422, body: { error: { fields: { expression: expect.stringContaining("does not parse") } } } });
    const unknown = await call(rulesRoute.POST, "POST", {}, { ...rule, expression: "peacekeepers_women <= peacekeepers_totl" });
    expect(unknown).toMatchObject({ status: 422, body: { error: { fields: { expression: expect.stringContaining("peacekeepers_totl") } } } });
    expect((await call(rulesRoute.POST, "POST", {}, { ...rule, severity: "fatal" })).status).toBe(422);
    expect(await call(rulesRoute.POST, "POST", {}, { ...rule, key: "Circles within women" })).toMatchObject({
      status: 422,
      body: { error: { fields: { key: expect.any(String) } } },
    });

    const preview = await call(previewRoute.POST, "POST", {}, { expression: "peacekeepers_women <= peacekeepers_total" });
    expect(preview.status).toBe(200);
    const years = preview.body.years as { year: number; status: string; missing: string[] }[];
    expect(years.find((y) => y.year === 2023)).toEqual({ year: 2023, status: "pass", missing: [] });
    expect(years.find((y) => y.year === 2077)).toEqual({ year: 2077, status: "fail", missing: [] });
    expect(years.find((y) => y.year === 2022)).toEqual({ year: 2022, status: "skipped", missing: ["peacekeepers_women"] });

    const created = await call(rulesRoute.POST, "POST", {}, rule);
    expect(created).toMatchObject({ status: 201, body: { key: rule.key, expression: rule.expression, severity: "warning", message: null } });
    expect((await call(rulesRoute.POST, "POST", {}, rule)).status).toBe(409);
    const listed = (await call(rulesRoute.GET, "GET", {})).body.rules as { key: string }[];
    expect(listed.map((r) => r.key)).toContain(rule.key);
    expect(await call(ruleRoute.PUT, "PUT", { key: rule.key }, { severity: "error", message: "Circles need women" })).toMatchObject({
      status: 200,
      body: { severity: "error", message: "Circles need women", expression: rule.expression },
    });
    expect((await call(ruleRoute.PUT, "PUT", { key: rule.key }, { expression: "nope(1)" })).status).toBe(422);
    expect((await call(ruleRoute.PUT, "PUT", { key: "no_such_rule" }, { severity: "error" })).status).toBe(404);
    expect(await call(ruleRoute.DELETE, "DELETE", { key: rule.key })).toEqual({ status: 200, body: { key: rule.key, deleted: true } });
    expect((await call(ruleRoute.DELETE, "DELETE", { key: rule.key })).status).toBe(404);
  });

  it("comments: editor, reviewer and admin post (201), viewers cannot; editors resolve, reviewers reopen; NUL and overlong text refused", async () => {
    await openYear(t.db, 2078, people.editor);
    const params = { year: "2078", metricKey: "peace_operations" };
    as("viewer");
    expect((await call(commentsRoute.POST, "POST", params, { text: "Why?" })).status).toBe(403);
    const posted: number[] = [];
    for (const role of ["editor", "reviewer", "admin"] as const) {
      as(role);
      const res = await call(commentsRoute.POST, "POST", params, { text: `<b>${role}</b> asks` });
      expect(res).toMatchObject({ status: 201, body: { text: `<b>${role}</b> asks`, author: `${role} person`, resolvedAt: null, resolvedBy: null } });
      posted.push(res.body.id as number);
    }
    as("reviewer");
    expect(await call(commentsRoute.POST, "POST", params, { text: "a\u0000b" })).toMatchObject({
      status: 422,
      body: { error: { fields: { text: expect.stringContaining("NUL") } } },
    });
    expect((await call(commentsRoute.POST, "POST", params, { text: "x".repeat(2001) })).status).toBe(422);
    expect((await call(commentsRoute.POST, "POST", params, { text: "   " })).status).toBe(422);
    expect((await call(commentsRoute.POST, "POST", { year: "2078", metricKey: "no_such_metric" }, { text: "?" })).status).toBe(404);
    expect((await call(resolveRoute.POST, "POST", { id: String(posted[0]) })).status).toBe(403);

    as("editor");
    const resolved = await call(resolveRoute.POST, "POST", { id: String(posted[0]) });
    expect(resolved).toMatchObject({ status: 200, body: { resolvedBy: "editor person", resolvedAt: expect.any(String) } });
    expect((await call(resolveRoute.POST, "POST", { id: String(posted[0]) })).status).toBe(409);
    expect((await call(resolveRoute.POST, "POST", { id: "999999" })).status).toBe(404);
    as("reviewer");
    expect(await call(reopenRoute.POST, "POST", { id: String(posted[0]) })).toMatchObject({ status: 200, body: { resolvedAt: null, resolvedBy: null } });

    as("viewer");
    const thread = await call(commentsRoute.GET, "GET", params);
    expect((thread.body.comments as { id: number }[]).map((c) => c.id)).toEqual(posted);
    expect((await call(commentsRoute.GET, "GET", { year: "2078", metricKey: "no_such_metric" })).status).toBe(404);
    const checks = (await call(checksRoute.GET, "GET", { year: "2078" })).body.checks as { kind: string }[];
    expect(checks.filter((c) => c.kind === "comment")).toHaveLength(3);
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.year, 2078), eq(auditLog.action, "comment_added"))),
    ).toHaveLength(3);
  });

  it("series breaks: admins record them, GET /metrics/{key} lists them, compare rows carry the note", async () => {
    as("editor");
    expect((await call(breaksRoute.POST, "POST", { key: "grave_violations_verified" }, { year: 2023, note: "Monitored and reported" })).status).toBe(403);
    as("admin");
    const note = "From 2023 the report counts violations monitored and reported, not only verified";
    expect(await call(breaksRoute.POST, "POST", { key: "grave_violations_verified" }, { year: 2023, note })).toMatchObject({
      status: 201,
      body: { year: 2023, note },
    });
    expect((await call(breaksRoute.POST, "POST", { key: "grave_violations_verified" }, { year: 2023, note })).status).toBe(409);
    expect((await call(breaksRoute.POST, "POST", { key: "no_such_metric" }, { year: 2023, note })).status).toBe(404);
    expect((await call(breaksRoute.POST, "POST", { key: "grave_violations_verified" }, { year: 2023 })).status).toBe(422);
    expect(await call(metricRoute.GET, "GET", { key: "grave_violations_verified" })).toMatchObject({
      status: 200,
      body: { key: "grave_violations_verified", breaks: [{ year: 2023, note }] },
    });
    expect((await call(metricRoute.GET, "GET", { key: "no_such_metric" })).status).toBe(404);

    const rows = async (from: number, to: number) =>
      (await call(compareRoute.GET, "GET", {}, undefined, `?from=${from}&to=${to}`)).body.metrics as { metricKey: string; break: string | null }[];
    expect((await rows(2022, 2023)).find((r) => r.metricKey === "grave_violations_verified")?.break).toBe(note);
    expect((await rows(2022, 2023)).find((r) => r.metricKey === "peacekeepers_total")?.break).toBeNull();
    // The break is in 2023: a comparison starting there, or ending before it, does not cross it.
    expect((await rows(2023, 2024)).find((r) => r.metricKey === "grave_violations_verified")?.break).toBeNull();
    expect((await rows(2021, 2022)).find((r) => r.metricKey === "grave_violations_verified")?.break).toBeNull();

    expect(await call(metricRoute.PUT, "PUT", { key: "peace_operations" }, { warnMin: 5, warnMax: 40, warnChangePct: 30 })).toMatchObject({
      status: 200,
      body: { warnMin: 5, warnMax: 40, warnChangePct: 30 },
    });
    expect(await call(metricRoute.PUT, "PUT", { key: "peace_operations" }, { warnMin: 50, warnMax: 40 })).toMatchObject({
      status: 422,
      body: { error: { fields: { warnMax: expect.any(String) } } },
    });
  });
});
