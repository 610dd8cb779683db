import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { auditLog, metricValues, metrics, valueRevisions } from "@/db/schema";
import { counting, createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import { saveValue, saveValueIn, saveValues } from "./values";
import { lockYear, openYear } from "./years";

describe.each(engines)("saveValue on %s", (engine) => {
  let t: TestDatabase;
  let editor: Actor;
  const YEAR = 2040;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    editor = await createActor(t, "editor", "Edith Editor");
    await openYear(t.db, YEAR, editor);
  });
  afterAll(() => t.drop());

  async function current(key: string, year = YEAR) {
    const [row] = await t.db
      .select({
        value: metricValues.value,
        qualifier: metricValues.qualifier,
        note: metricValues.note,
        source: metricValues.source,
        version: metricValues.version,
      })
      .from(metricValues)
      .innerJoin(metrics, eq(metrics.id, metricValues.metricId))
      .where(and(eq(metrics.key, key), eq(metricValues.year, year)));
    return row ?? null;
  }

  async function revisions(key: string, year = YEAR) {
    return t.db
      .select({ value: valueRevisions.value, note: valueRevisions.note, version: valueRevisions.version, reason: valueRevisions.reason })
      .from(valueRevisions)
      .innerJoin(metrics, eq(metrics.id, valueRevisions.metricId))
      .where(and(eq(metrics.key, key), eq(valueRevisions.year, year)))
      .orderBy(valueRevisions.id);
  }

  async function auditRows() {
    const [row] = await t.db.select({ n: count() }).from(auditLog);
    return row!.n;
  }

  /** Everything a save could touch, to compare before and after a refused one. */
  async function state(key: string, year = YEAR) {
    return { value: await current(key, year), revisions: await revisions(key, year), audit: await auditRows() };
  }

  async function refusal(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it("the first save goes from version 0 to 1 and writes its revision and audit row with it", async () => {
    const before = await auditRows();
    const saved = await saveValue(t.db, YEAR, "peace_operations", { value: "12", version: 0, note: "As of June", reason: "first figure" }, editor);
    expect(saved).toMatchObject({ metricKey: "peace_operations", value: 12, version: 1, note: "As of June", updatedBy: "Edith Editor" });
    expect(await current("peace_operations")).toMatchObject({ value: 12, version: 1 });
    expect(await revisions("peace_operations")).toEqual([{ value: 12, note: "As of June", version: 1, reason: "first figure" }]);
    expect(await auditRows()).toBe(before + 1);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "value_saved"));
    expect(audit).toMatchObject({ actorId: editor.id, year: YEAR, metricKey: "peace_operations" });
  });

  it("refuses a stale version with the current row, and writes nothing", async () => {
    await saveValue(t.db, YEAR, "pbc_countries_regions", { value: 120, version: 0 }, editor);
    await saveValue(t.db, YEAR, "pbc_countries_regions", { value: 121, version: 1 }, editor);
    const before = await state("pbc_countries_regions");
    const error = await refusal(saveValue(t.db, YEAR, "pbc_countries_regions", { value: 999, version: 1 }, editor));
    expect(error).toMatchObject({ code: "conflict", status: 409 });
    expect(error.extra).toEqual({
      current: expect.objectContaining({ metricKey: "pbc_countries_regions", value: 121, version: 2, updatedBy: "Edith Editor" }) as unknown,
    });
    // A first save claiming a version that never existed is just as stale.
    const firstSaveTooNew = await refusal(saveValue(t.db, YEAR, "peacekeepers_women", { value: 1, version: 3 }, editor));
    expect(firstSaveTooNew).toMatchObject({ code: "conflict", extra: { current: null } });
    expect(await current("peacekeepers_women")).toBeNull();
    expect(await state("pbc_countries_regions")).toEqual(before);
  });

  it("keeps the old note and source when they are omitted, and clears them with null", async () => {
    await saveValue(t.db, YEAR, "mediation_regions", { value: 5, note: "Five regions", source: "https://example.org/a", qualifier: "over" }, editor);
    const kept = await saveValue(t.db, YEAR, "mediation_regions", { value: 6 }, editor);
    expect(kept).toMatchObject({ value: 6, note: "Five regions", source: "https://example.org/a", qualifier: "over", version: 2 });
    const cleared = await saveValue(t.db, YEAR, "mediation_regions", { value: 7, note: null, source: null, qualifier: null }, editor);
    expect(cleared).toMatchObject({ value: 7, note: null, source: null, qualifier: null, version: 3 });
    expect(await current("mediation_regions")).toMatchObject({ value: 7, note: null, source: null, qualifier: null });
    expect((await revisions("mediation_regions")).map((r) => r.note)).toEqual(["Five regions", "Five regions", null]);
  });

  it("keeps printed wording and structured provenance on the value and its revision, omitted kept, null cleared", async () => {
    const provenance = {
      wording: "more than",
      sourceProducer: "United Nations Department of Peace Operations",
      sourceTitle: "Troop and police contributors",
      sourceUrl: "https://peacekeeping.un.org/en/troop-and-police-contributors",
      sourcePublished: "2023-06-30",
      sourceAccessed: "2024-01-15",
      sourcePhrase: "As of June 2023, 120 countries had contributed",
    };
    const saved = await saveValue(t.db, YEAR, "pbc_countries_regions", { value: 120, qualifier: "over", ...provenance }, editor);
    expect(saved).toMatchObject({ value: 120, ...provenance });
    const kept = await saveValue(t.db, YEAR, "pbc_countries_regions", { value: 121, wording: null }, editor);
    expect(kept).toMatchObject({ ...provenance, wording: null, value: 121 });
    const [first, second] = await t.db
      .select({ wording: valueRevisions.wording, phrase: valueRevisions.sourcePhrase, published: valueRevisions.sourcePublished })
      .from(valueRevisions)
      .innerJoin(metrics, eq(metrics.id, valueRevisions.metricId))
      .where(and(eq(metrics.key, "pbc_countries_regions"), eq(valueRevisions.year, YEAR), sql`${valueRevisions.version} >= ${saved.version}`))
      .orderBy(valueRevisions.id);
    expect(first).toEqual({ wording: "more than", phrase: provenance.sourcePhrase, published: "2023-06-30" });
    expect(second).toEqual({ wording: null, phrase: provenance.sourcePhrase, published: "2023-06-30" });
    for (const [input, field] of [
      [{ value: 3, sourcePublished: "30 June 2023" }, "sourcePublished"],
      [{ value: 3, sourceUrl: "peacekeeping.un.org" }, "sourceUrl"],
      [{ value: 3, wording: "over 120" }, "wording"],
    ] as const) {
      await expect(saveValue(t.db, YEAR, "pbc_countries_regions", input, editor)).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: [field] })],
      });
    }
  });

  it("refuses invalid input with the field named, and writes nothing", async () => {
    await saveValue(t.db, YEAR, "council_meetings_supported", { value: 300 }, editor);
    const before = await state("council_meetings_supported");
    for (const [input, field] of [
      [{ value: 1.5 }, "value"],
      [{ value: -1 }, "value"],
      [{ value: 2e15 }, "value"],
      [{ value: Number.POSITIVE_INFINITY }, "value"],
      [{ value: 3, qualifier: "under" }, "qualifier"],
      [{ value: 3, note: "n".repeat(2_001) }, "note"],
      [{ value: 3, source: "s".repeat(1_001) }, "source"],
    ] as const) {
      await expect(saveValue(t.db, YEAR, "council_meetings_supported", input, editor)).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: [field] })],
      });
    }
    expect(await state("council_meetings_supported")).toEqual(before);
  });

  it("rolls the whole save back when its revision or its audit row cannot be written", async () => {
    // Make the database itself refuse the second and third writes of a save, after the value row changed.
    await t.db.execute(sql`create function test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`);
    await t.db.execute(
      sql`create trigger test_refuse_revision before insert on value_revisions for each row when (new.note = 'fail revision') execute function test_refuse()`,
    );
    await t.db.execute(
      sql`create trigger test_refuse_audit before insert on audit_log for each row when (new.action = 'value_saved' and new.year = 2041) execute function test_refuse()`,
    );
    await openYear(t.db, 2041, editor);
    try {
      await saveValue(t.db, YEAR, "pda_countries", { value: 10, note: "first" }, editor);
      const before = await state("pda_countries");
      await expect(saveValue(t.db, YEAR, "pda_countries", { value: 11, note: "fail revision" }, editor)).rejects.toThrow();
      expect(await state("pda_countries")).toEqual(before);

      const beforeFirst = await state("pda_countries", 2041);
      expect(beforeFirst.value).toBeNull();
      await expect(saveValue(t.db, 2041, "pda_countries", { value: 12 }, editor)).rejects.toThrow();
      expect(await state("pda_countries", 2041)).toEqual(beforeFirst);
    } finally {
      await t.db.execute(sql`drop trigger test_refuse_revision on value_revisions`);
      await t.db.execute(sql`drop trigger test_refuse_audit on audit_log`);
      await t.db.execute(sql`drop function test_refuse()`);
    }
  });

  it("answers not found for an unknown metric or a year that was never opened", async () => {
    await expect(saveValue(t.db, YEAR, "no_such_metric", { value: 1 }, editor)).rejects.toMatchObject({ code: "not_found" });
    await expect(saveValue(t.db, 2099, "peace_operations", { value: 1 }, editor)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a first value for an archived metric, but keeps its old years editable", async () => {
    await saveValue(t.db, YEAR, "pda_national", { value: 40 }, editor);
    await t.db.update(metrics).set({ archived: true }).where(eq(metrics.key, "pda_national"));
    try {
      await openYear(t.db, 2042, editor);
      const before = await state("pda_national", 2042);
      const error = await refusal(saveValue(t.db, 2042, "pda_national", { value: 41 }, editor));
      expect(error).toMatchObject({ code: "validation", status: 422, fields: { metricKey: expect.any(String) } });
      expect(await state("pda_national", 2042)).toEqual(before);
      expect(await saveValue(t.db, YEAR, "pda_national", { value: 42, version: 1 }, editor)).toMatchObject({ value: 42, version: 2 });
    } finally {
      await t.db.update(metrics).set({ archived: false }).where(eq(metrics.key, "pda_national"));
    }
  });

  it("refuses values in a locked year and writes nothing", async () => {
    await openYear(t.db, 2043, editor);
    await saveValue(t.db, 2043, "un_police_missions", { value: 11 }, editor);
    await lockYear(t.db, 2043, editor);
    const before = await state("un_police_missions", 2043);
    const error = await refusal(saveValue(t.db, 2043, "un_police_missions", { value: 12, version: 1 }, editor));
    expect(error).toMatchObject({ code: "locked", status: 423 });
    await expect(saveValue(t.db, 2043, "un_police_officers", { value: 12 }, editor)).rejects.toMatchObject({ code: "locked" });
    expect(await state("un_police_missions", 2043)).toEqual(before);
    expect(await current("un_police_officers", 2043)).toBeNull();
  });

  it("writes nothing when the metric's unit or bounds changed after the input was parsed with them", async () => {
    const key = "council_resolutions_statements";
    await saveValue(t.db, YEAR, key, { value: 40 }, editor);
    const [metric] = await t.db.select({ unit: metrics.unit, min: metrics.min, max: metrics.max }).from(metrics).where(eq(metrics.key, key));
    const before = await state(key);
    // As if an admin had lowered the maximum to 50 between the save's read of the rules and its write.
    for (const [unit, max] of [
      [metric!.unit, 50],
      ["percent", metric!.max],
    ] as const) {
      const result = await t.db.execute(sql`select report_desk_save_value(${YEAR}::integer, ${key}::text, ${unit}::text, ${metric!.min}::double precision,
        ${max}::double precision, null::integer, 999::double precision, '{}'::jsonb, ${editor.id}::integer, ${editor.email}::text, now(), null::text, true, null::text) as result`);
      expect((result as { rows: { result: unknown }[] }).rows[0]!.result).toEqual({ status: "metric_changed" });
    }
    expect(await state(key)).toEqual(before);
  });

  describe("round trips", () => {
    // What a transaction sends besides its own work: pg's driver logs BEGIN, COMMIT and the
    // batch's savepoints, PGlite's logs none of them.
    const control = /^\s*(begin|commit|rollback|savepoint|release)\b/i;
    const work = (sent: string[]) => sent.filter((q) => !control.test(q));
    it("a save sends two statements and opens no transaction of its own: the write is one statement, atomic by itself", async () => {
      const c = counting(t);
      const cases: [string, () => Promise<unknown>][] = [
        ["first value", () => saveValue(c.db, YEAR, "car_circles_of_peace", { value: 10, version: 0 }, editor)],
        ["with a version", () => saveValue(c.db, YEAR, "car_circles_of_peace", { value: 11, version: 1, note: "n" }, editor)],
        ["without a version", () => saveValue(c.db, YEAR, "car_circles_of_peace", { value: 12 }, editor)],
        ["without an audit row", () => saveValue(c.db, YEAR, "car_circles_of_peace", { value: 13 }, editor, { audit: false })],
        ["stale", () => saveValue(c.db, YEAR, "car_circles_of_peace", { value: 14, version: 1 }, editor).catch((e: unknown) => e)],
      ];
      for (const [name, save] of cases) {
        c.reset();
        await save();
        const sent = c.statements();
        expect(sent.length, `${name}: ${sent.join(" ;; ")}`).toBeLessThanOrEqual(2);
        expect(
          sent.filter((q) => control.test(q)),
          name,
        ).toEqual([]);
      }
      expect(await current("car_circles_of_peace")).toMatchObject({ value: 13, note: "n", version: 4 });
    });

    it("inside a caller's transaction a save is at most two statements, and a batch two per row", async () => {
      const c = counting(t);
      await c.db.transaction(async (tx) => {
        c.reset();
        await saveValueIn(tx, YEAR, "car_circles_of_peace_women", { value: 3 }, editor);
        expect(work(c.statements()).length).toBeLessThanOrEqual(2);
      });
      const keys = ["pbf_donor_countries", "pbf_recipient_countries", "council_field_missions", "sanctions_committee_meetings"];
      c.reset();
      await saveValues(
        c.db,
        YEAR,
        keys.map((metricKey, i) => ({ metricKey, value: i + 1 })),
        editor,
      );
      // Plus the batch's one year check: a row costs the same two statements as a single save.
      expect(work(c.statements()).length).toBeLessThanOrEqual(2 * keys.length + 1);
      expect((await revisions("council_field_missions")).at(-1)).toMatchObject({ value: 3 });
    });
  });

  describe("concurrency", () => {
    async function race(key: string, version: number, n: number) {
      const results = await Promise.allSettled(
        Array.from({ length: n }, (_, i) => saveValue(t.db, YEAR, key, { value: 1_000 + i, version, reason: `racer ${i}` }, editor)),
      );
      const won = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof saveValue>>> => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as AppError);
      return { won, lost };
    }

    it("of 20 simultaneous first saves from version 0 exactly one lands, with one revision", async () => {
      const { won, lost } = await race("electoral_states_assisted", 0, 20);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      const winner = won[0]!.value;
      for (const error of lost) {
        expect(error).toMatchObject({ code: "conflict", extra: { current: expect.objectContaining({ value: winner.value, version: 1 }) } });
      }
      expect(await current("electoral_states_assisted")).toMatchObject({ value: winner.value, version: 1 });
      expect(await revisions("electoral_states_assisted")).toHaveLength(1);
    });

    it("of 20 simultaneous saves from one existing version exactly one lands, 19 conflict, one revision added", async () => {
      await saveValue(t.db, YEAR, "elections_supported", { value: 7 }, editor);
      const revisionsBefore = (await revisions("elections_supported")).length;
      const auditBefore = await auditRows();
      const { won, lost } = await race("elections_supported", 1, 20);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      const winner = won[0]!.value;
      expect(winner.version).toBe(2);
      for (const error of lost) {
        expect(error).toMatchObject({ code: "conflict", extra: { current: expect.objectContaining({ value: winner.value, version: 2 }) } });
      }
      const after = await revisions("elections_supported");
      expect(after).toHaveLength(revisionsBefore + 1);
      expect(after.at(-1)).toMatchObject({ value: winner.value, version: 2 });
      expect(await auditRows()).toBe(auditBefore + 1);
      expect(await current("elections_supported")).toMatchObject({ value: winner.value, version: 2 });
    });

    it("saves without a version are last-write-wins: 20 at once all land in turn, first value or not", async () => {
      for (const [key, first] of [
        ["electoral_needs_assessments", null],
        ["un_police_officers", 5],
      ] as const) {
        if (first !== null) await saveValue(t.db, YEAR, key, { value: first }, editor);
        const start = (await current(key))?.version ?? 0;
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) => saveValue(t.db, YEAR, key, { value: 2_000 + i, note: `writer ${i}` }, editor)),
        );
        expect(results.filter((r) => r.status === "rejected").map((r) => String(r.reason))).toEqual([]);
        const versions = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof saveValue>>>).value.version);
        expect(versions.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => start + i + 1));
        const last = await current(key);
        expect(last).toMatchObject({ version: start + 20 });
        // The stored row is exactly the last writer's, note included: no mixture of two saves.
        expect(last!.note).toBe(`writer ${last!.value! - 2_000}`);
        expect((await revisions(key)).filter((r) => r.version > start)).toHaveLength(20);
      }
    });

    it("40 simultaneous saves to 40 different metrics all land, with 40 revisions", async () => {
      await openYear(t.db, 2044, editor);
      const keys = (await t.db.select({ key: metrics.key }).from(metrics).orderBy(metrics.id)).map((m) => m.key).slice(0, 40);
      expect(keys).toHaveLength(40);
      const [before] = await t.db.select({ n: count() }).from(valueRevisions).where(eq(valueRevisions.year, 2044));
      const saved = await Promise.all(keys.map((key, i) => saveValue(t.db, 2044, key, { value: i + 1, version: 0 }, editor)));
      expect(saved.map((s) => s.version)).toEqual(keys.map(() => 1));
      const [after] = await t.db.select({ n: count() }).from(valueRevisions).where(eq(valueRevisions.year, 2044));
      expect(after!.n - before!.n).toBe(40);
      const stored = await t.db.select({ value: metricValues.value }).from(metricValues).where(eq(metricValues.year, 2044));
      expect(stored.map((s) => s.value).sort((a, b) => a! - b!)).toEqual(keys.map((_, i) => i + 1));
    });
  });
});
