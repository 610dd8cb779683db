import { count, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as Guard from "@/server/auth/guard";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain";
import { auditLog, metricValues, valueRevisions } from "@/db/schema";
import { saveValue } from "@/db/commands/values";
import { lockYear, openYear } from "@/db/commands/years";
import { createTestDatabase, engines, type TestDatabase } from "./support/db";
import { createPeople } from "./support/db-fixtures";

// The route handler and the year page's action as their callers meet them, with the caller and
// the database supplied by the test.
const calls = vi.hoisted<{ actor: Actor | null; db: unknown }>(() => ({ actor: null, db: null }));
vi.mock("@/db/client", () => ({ getDb: () => Promise.resolve(calls.db) }));
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(new Headers()) }));
vi.mock("@/server/auth/guard", async (importOriginal) => ({
  ...(await importOriginal<typeof Guard>()),
  resolveActor: () => Promise.resolve(calls.actor),
  currentActor: () => Promise.resolve(calls.actor),
}));

const valuesRoute = await import("@/app/api/v1/years/[year]/values/route");
const { saveValuesAction } = await import("@/server/actions/values");

type Body = Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string> }; rows?: Record<string, unknown>[] };

async function put(year: number, body: unknown): Promise<{ status: number; body: Body }> {
  const req = new NextRequest(`http://desk.test/api/v1/years/${year}/values`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const res = await valuesRoute.PUT(req, { params: Promise.resolve({ year: String(year) }) });
  return { status: res.status, body: (await res.json()) as Body };
}

describe.each(engines)("PUT /years/{year}/values on %s", (engine) => {
  let t: TestDatabase;
  const people = {} as Record<Role, Actor>;
  const as = (role: Role) => (calls.actor = people[role]);
  const YEAR = 2060;

  /** How many rows a year holds in each table a save writes to. */
  async function written(year = YEAR) {
    const n = async (table: typeof metricValues | typeof valueRevisions | typeof auditLog) =>
      (await t.db.select({ n: count() }).from(table).where(eq(table.year, year)))[0]!.n;
    return { values: await n(metricValues), revisions: await n(valueRevisions), audit: await n(auditLog) };
  }

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    calls.db = t.db;
    Object.assign(people, await createPeople(t, ["admin", "editor", "reviewer", "viewer"] as const));
    await openYear(t.db, YEAR, people.editor);
  });
  afterAll(() => t.drop());

  it("saves the rows and answers them in the order sent", async () => {
    as("editor");
    const before = await written();
    const res = await put(YEAR, {
      values: [
        { metricKey: "peace_operations", value: "12", note: "As of June", version: 0 },
        { metricKey: "contributing_countries", value: 120, qualifier: "about" },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      year: YEAR,
      values: [
        expect.objectContaining({ metricKey: "peace_operations", value: 12, note: "As of June", version: 1, updatedBy: "editor person" }),
        expect.objectContaining({ metricKey: "contributing_countries", value: 120, qualifier: "about", version: 1 }),
      ],
    });
    expect(await written()).toEqual({ values: before.values + 2, revisions: before.revisions + 2, audit: before.audit + 2 });
  });

  it("answers 403 to a viewer and writes nothing", async () => {
    as("viewer");
    const before = await written();
    const res = await put(YEAR, { values: [{ metricKey: "mediation_regions", value: 3 }] });
    expect(res.status).toBe(403);
    expect(await written()).toEqual(before);
  });

  it("answers 422 naming the field when a note holds a NUL character, and writes nothing", async () => {
    as("editor");
    const before = await written();
    const res = await put(YEAR, {
      values: [
        { metricKey: "mediation_regions", value: 3 },
        { metricKey: "mediation_country_settings", value: 4, note: "a\u0000b" },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "validation", fields: { "values.1.note": expect.stringContaining("NUL") as unknown } });
    expect(await written()).toEqual(before);
  });

  it("answers 422 with every refused row in the contract's error body, and writes nothing", async () => {
    as("editor");
    const before = await written();
    const res = await put(YEAR, {
      values: [
        { metricKey: "no_such_metric", value: 1 },
        { metricKey: "mediation_regions", value: 3 },
        { metricKey: "women_mediation_teams_pct", value: 101 },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({ code: "validation", message: "2 of 3 rows cannot be saved: nothing was saved" });
    expect(res.body.rows).toEqual([
      { index: 0, metricKey: "no_such_metric", code: "not_found", message: expect.any(String) as unknown },
      {
        index: 2,
        metricKey: "women_mediation_teams_pct",
        code: "validation",
        message: "Value must be between 0 and 100",
        fields: { value: "Value must be between 0 and 100" },
      },
    ]);
    expect(await written()).toEqual(before);
  });

  it("answers 409 with the current row of each stale one, and writes nothing", async () => {
    as("editor");
    await saveValue(t.db, YEAR, "pda_countries", { value: 9 }, people.admin);
    const before = await written();
    const res = await put(YEAR, { values: [{ metricKey: "pda_countries", value: 10, version: 0 }] });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe("conflict");
    expect(res.body.rows).toEqual([
      expect.objectContaining({ index: 0, code: "conflict", current: expect.objectContaining({ value: 9, version: 1, updatedBy: "admin person" }) as unknown }),
    ]);
    expect(await written()).toEqual(before);
  });

  it("answers 422 for an empty list or a repeated metric, 423 for a locked year, 404 for an unknown one", async () => {
    as("editor");
    expect((await put(YEAR, { values: [] })).body.error).toMatchObject({ code: "validation", fields: { values: "Send at least one value" } });
    expect((await put(YEAR, {})).status).toBe(422);
    const repeated = await put(YEAR, {
      values: [
        { metricKey: "pda_national", value: 1 },
        { metricKey: "pda_national", value: 2 },
      ],
    });
    expect(repeated.status).toBe(422);
    expect(repeated.body.error?.message).toContain("“pda_national”");
    expect(repeated.body.rows?.map((r) => r.index)).toEqual([0, 1]);

    await openYear(t.db, 2061, people.editor);
    await lockYear(t.db, 2061, people.admin);
    expect((await put(2061, { values: [{ metricKey: "pda_national", value: 1 }] })).status).toBe(423);
    expect((await put(2098, { values: [{ metricKey: "pda_national", value: 1 }] })).status).toBe(404);
  });

  it("saves from the year page through the same command, and a refusal carries its rows for the grid", async () => {
    as("editor");
    const saved = await saveValuesAction({ params: { year: YEAR }, body: { values: [{ metricKey: "explosive_items_removed", value: "1,200" }] } });
    expect(saved).toEqual({
      ok: true,
      data: { year: YEAR, values: [expect.objectContaining({ metricKey: "explosive_items_removed", value: 1200, version: 1 })] },
    });

    const before = await written();
    const refused = await saveValuesAction({
      params: { year: YEAR },
      body: {
        values: [
          { metricKey: "road_confirmed_safe_km", value: 5 },
          { metricKey: "explosive_items_removed", value: 1300, version: 0 },
        ],
      },
    });
    expect(refused).toMatchObject({
      ok: false,
      code: "conflict",
      rows: [{ index: 1, metricKey: "explosive_items_removed", code: "conflict", current: { value: 1200, version: 1 } }],
    });
    expect(await written()).toEqual(before);

    as("viewer");
    expect(await saveValuesAction({ params: { year: YEAR }, body: { values: [{ metricKey: "road_confirmed_safe_km", value: 5 }] } })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await written()).toEqual(before);
  });
});
