import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { ValueRowError } from "@/lib/validation/value-batch";
import { auditLog, metricValues, metrics, valueRevisions } from "@/db/schema";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import { saveValue, saveValues } from "./values";
import { lockYear, openYear } from "./years";

describe.each(engines)("saveValues on %s", (engine) => {
  let t: TestDatabase;
  let editor: Actor;
  const YEAR = 2050;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    editor = await createActor(t, "editor", "Grid Editor");
    await openYear(t.db, YEAR, editor);
  });
  afterAll(() => t.drop());

  /** Everything a batch could touch in a year: values, revisions and audit rows. */
  async function state(year = YEAR) {
    const values = await t.db
      .select({ key: metrics.key, value: metricValues.value, note: metricValues.note, version: metricValues.version })
      .from(metricValues)
      .innerJoin(metrics, eq(metrics.id, metricValues.metricId))
      .where(eq(metricValues.year, year))
      .orderBy(metrics.key);
    const [revisions] = await t.db.select({ n: count() }).from(valueRevisions).where(eq(valueRevisions.year, year));
    const [audit] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.year, year));
    return { values, revisions: revisions!.n, audit: audit!.n };
  }

  async function refusal(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  const rowsOf = (error: AppError) => error.extra?.rows as ValueRowError[];

  it("saves every row in request order, each with its own revision and audit row", async () => {
    const keys = ["peacekeepers_total", "peacekeepers_women", "women_mediation_teams_pct"];
    const saved = await saveValues(
      t.db,
      YEAR,
      [
        { metricKey: keys[0]!, value: "76,000", qualifier: "over", version: 0, reason: "grid" },
        { metricKey: keys[1]!, value: 5000, note: "June" },
        { metricKey: keys[2]!, value: "43.5%" },
      ],
      editor,
    );
    expect(saved).toEqual([
      expect.objectContaining({ metricKey: keys[0], value: 76_000, qualifier: "over", version: 1, updatedBy: "Grid Editor" }),
      expect.objectContaining({ metricKey: keys[1], value: 5000, note: "June", version: 1 }),
      expect.objectContaining({ metricKey: keys[2], value: 43.5, version: 1 }),
    ]);
    const revisions = await t.db
      .select({ key: metrics.key, reason: valueRevisions.reason })
      .from(valueRevisions)
      .innerJoin(metrics, eq(metrics.id, valueRevisions.metricId))
      .where(and(eq(valueRevisions.year, YEAR), inArray(metrics.key, keys)))
      .orderBy(valueRevisions.id);
    expect(revisions).toEqual([
      { key: keys[0], reason: "grid" },
      { key: keys[1], reason: null },
      { key: keys[2], reason: null },
    ]);
    const audit = await t.db
      .select({ key: auditLog.metricKey, action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(eq(auditLog.year, YEAR))
      .orderBy(auditLog.id);
    expect(audit.filter((a) => a.action === "value_saved")).toEqual(keys.map((key) => ({ key, action: "value_saved", actorId: editor.id })));
  });

  it("writes nothing when one row is out of range, and names that row", async () => {
    const before = await state();
    const error = await refusal(
      saveValues(
        t.db,
        YEAR,
        [
          { metricKey: "peace_operations", value: 11 },
          { metricKey: "women_mission_leadership_pct", value: 150 },
        ],
        editor,
      ),
    );
    expect(error).toMatchObject({ code: "validation", status: 422 });
    expect(rowsOf(error)).toEqual([
      {
        index: 1,
        metricKey: "women_mission_leadership_pct",
        code: "validation",
        message: "Value must be between 0 and 100",
        fields: { value: "Value must be between 0 and 100" },
      },
    ]);
    expect(await state()).toEqual(before);
  });

  it("lists every bad row, invalid, unknown, archived and stale alike, and answers 422 while any is invalid", async () => {
    await saveValue(t.db, YEAR, "mediation_regions", { value: 4 }, editor);
    await t.db.update(metrics).set({ archived: true }).where(eq(metrics.key, "pda_national"));
    try {
      const before = await state();
      const error = await refusal(
        saveValues(
          t.db,
          YEAR,
          [
            { metricKey: "no_such_metric", value: 1 },
            { metricKey: "council_field_missions", value: 3 },
            { metricKey: "mediation_regions", value: 5, version: 0 },
            { metricKey: "contributing_countries", value: "many", note: "x".repeat(2_001) },
            { metricKey: "pda_national", value: 2 },
          ],
          editor,
        ),
      );
      expect(error).toMatchObject({ code: "validation", status: 422 });
      expect(rowsOf(error).map((r) => [r.index, r.metricKey, r.code])).toEqual([
        [0, "no_such_metric", "not_found"],
        [2, "mediation_regions", "conflict"],
        [3, "contributing_countries", "validation"],
        [4, "pda_national", "validation"],
      ]);
      expect(rowsOf(error)[2]!.fields).toEqual({ value: expect.any(String) as unknown, note: expect.stringContaining("at most") as unknown });
      expect(rowsOf(error)[3]!.fields).toEqual({ metricKey: "This metric is archived" });
      expect(await state()).toEqual(before);
    } finally {
      await t.db.update(metrics).set({ archived: false }).where(eq(metrics.key, "pda_national"));
    }
  });

  it("answers 409 with each stale row as it is now when only versions are stale, and writes nothing", async () => {
    await saveValue(t.db, YEAR, "mediation_country_settings", { value: 20, note: "theirs" }, editor);
    const before = await state();
    const error = await refusal(
      saveValues(
        t.db,
        YEAR,
        [
          { metricKey: "council_meetings_supported", value: 7, version: 0 },
          { metricKey: "mediation_country_settings", value: 21, version: 0 },
        ],
        editor,
      ),
    );
    expect(error).toMatchObject({ code: "conflict", status: 409 });
    expect(rowsOf(error)).toEqual([
      {
        index: 1,
        metricKey: "mediation_country_settings",
        code: "conflict",
        message: expect.stringContaining("Someone else saved") as unknown,
        current: expect.objectContaining({
          metricKey: "mediation_country_settings",
          value: 20,
          note: "theirs",
          version: 1,
          updatedBy: "Grid Editor",
        }) as unknown,
      },
    ]);
    expect(await state()).toEqual(before);
  });

  it("refuses the same metric twice in one batch, naming it and marking each of its rows", async () => {
    const before = await state();
    const error = await refusal(
      saveValues(
        t.db,
        YEAR,
        [
          { metricKey: "elections_supported", value: 1 },
          { metricKey: "un_police_missions", value: 2 },
          { metricKey: "elections_supported", value: 3 },
        ],
        editor,
      ),
    );
    expect(error).toMatchObject({ code: "validation", status: 422 });
    expect(error.message).toContain("“elections_supported”");
    expect(rowsOf(error).map((r) => r.index)).toEqual([0, 2]);
    expect(await state()).toEqual(before);
  });

  it("refuses an empty list and more than 500 rows before touching the database", async () => {
    await expect(saveValues(t.db, YEAR, [], editor)).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "Send at least one value" })] });
    const many = Array.from({ length: 501 }, (_, i) => ({ metricKey: `m${i}`, value: i }));
    await expect(saveValues(t.db, YEAR, many, editor)).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: "Send at most 500 values at once" })],
    });
  });

  it("answers 423 for a locked year and 404 for a year never opened, once for the batch", async () => {
    await openYear(t.db, 2051, editor);
    await saveValue(t.db, 2051, "un_police_officers", { value: 100 }, editor);
    await lockYear(t.db, 2051, editor);
    const before = await state(2051);
    const locked = await refusal(
      saveValues(
        t.db,
        2051,
        [
          { metricKey: "un_police_officers", value: 101 },
          { metricKey: "no_such_metric", value: 1 },
        ],
        editor,
      ),
    );
    expect(locked).toMatchObject({ code: "locked", status: 423 });
    expect(locked.extra).toBeUndefined();
    expect(await state(2051)).toEqual(before);
    await expect(saveValues(t.db, 2099, [{ metricKey: "peace_operations", value: 1 }], editor)).rejects.toMatchObject({ code: "not_found", status: 404 });
  });
});
