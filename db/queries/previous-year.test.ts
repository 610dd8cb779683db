import { and, isNotNull, lt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import * as schema from "@/db/schema";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import { copyQuotes, deleteQuote } from "../commands/quotes";
import { saveValue } from "../commands/values";
import { lockYear, openYear } from "../commands/years";
import { speakerKey } from "@/lib/speakers";
import { hasEarlierQuotes, listEarlierQuotes, listPreviousValues } from "./previous-year";
import { findYearDetail, listYearQuotes } from "./years";

describe.each(engines)("previous-year queries and copying quotes on %s", (engine) => {
  let t: TestDatabase;
  let editor: Actor;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    editor = await createActor(t, "editor", "Ed");
    for (const year of [2031, 2032, 2033]) await openYear(t.db, year, editor);
  });
  afterAll(() => t.drop());

  /** The rule written the slow way: per metric, the latest earlier year whose value is not null. */
  async function expectedPrevious(year: number) {
    const rows = await t.db
      .select({ metricId: schema.metricValues.metricId, year: schema.metricValues.year, value: schema.metricValues.value })
      .from(schema.metricValues)
      .where(and(lt(schema.metricValues.year, year), isNotNull(schema.metricValues.value)));
    const metrics = await t.db.select({ id: schema.metrics.id, key: schema.metrics.key }).from(schema.metrics);
    const keyOf = new Map(metrics.map((m) => [m.id, m.key]));
    const best = new Map<string, { year: number; value: number }>();
    for (const r of rows) {
      const key = keyOf.get(r.metricId)!;
      if (!best.has(key) || best.get(key)!.year < r.year) best.set(key, { year: r.year, value: r.value! });
    }
    return best;
  }

  it("gives each metric its nearest earlier year with a value, skipping empty and later years", async () => {
    await saveValue(t.db, 2031, "peacekeepers_total", { value: "70,000", qualifier: "about" }, editor);
    // A cleared value in 2032 is no value: 2033 must still see 2031's.
    await saveValue(t.db, 2032, "peacekeepers_total", { value: "71,000" }, editor);
    await saveValue(t.db, 2032, "peacekeepers_total", { value: null }, editor);
    await saveValue(t.db, 2033, "contributing_countries", { value: 99 }, editor);

    const previous = await listPreviousValues(t.db, 2033);
    expect(previous.find((p) => p.metricKey === "peacekeepers_total")).toEqual({
      metricKey: "peacekeepers_total",
      year: 2031,
      value: 70_000,
      qualifier: "about",
    });
    // Its own year's value is not "previous".
    expect(previous.find((p) => p.metricKey === "contributing_countries")?.year).toBeLessThan(2033);

    for (const year of [2023, 2031, 2033]) {
      const expected = await expectedPrevious(year);
      const got = await listPreviousValues(t.db, year);
      expect(got.length, `metrics with an earlier value before ${year}`).toBe(expected.size);
      expect(expected.size).toBeGreaterThan(0);
      for (const p of got) expect({ year: p.year, value: p.value }, p.metricKey).toEqual(expected.get(p.metricKey));
    }
  });

  it("lists the quotes of every earlier year, newest first, and copies picked ones into the year, with their text exact", async () => {
    const before2031 = (await listEarlierQuotes(t.db, 2031))!;
    expect(before2031.years.map((y) => y.year)).toEqual([2023]);
    const from2023 = before2031.years[0]!;
    expect(from2023.quotes.length).toBeGreaterThan(1);
    expect(await listEarlierQuotes(t.db, 1990)).toBeNull();
    expect(await hasEarlierQuotes(t.db, 1990)).toBe(false);
    expect(await hasEarlierQuotes(t.db, 2023)).toBe(false);
    expect(await hasEarlierQuotes(t.db, 2024)).toBe(true);
    // Quoted only in 2023 so far: nobody recurs yet.
    expect(before2031.recurringSpeakers).toEqual([]);

    const picked = from2023.quotes.slice(0, 2);
    const copies = await copyQuotes(
      t.db,
      2031,
      picked.map((q) => q.id),
      editor,
    );
    const byText = (a: { text: string }, b: { text: string }) => (a.text < b.text ? -1 : 1);
    expect(copies.map((c) => ({ speaker: c.speaker, title: c.title, section: c.section, text: c.text, year: c.year })).sort(byText)).toEqual(
      picked.map((q) => ({ speaker: q.speaker, title: q.title, section: q.section, text: q.text, year: 2031 })).sort(byText),
    );
    expect((await listYearQuotes(t.db, 2031)).map((q) => q.id).sort()).toEqual(copies.map((c) => c.id).sort());
    // 2032 has none; 2033 sees 2031 and 2023, and the two speakers quoted in both recur.
    const before2033 = (await listEarlierQuotes(t.db, 2033))!;
    expect(before2033.years.map((y) => y.year)).toEqual([2031, 2023]);
    expect(before2033.recurringSpeakers.sort()).toEqual([...new Set(picked.map((q) => speakerKey(q.speaker)))].sort());
    // The 2023 originals are untouched.
    expect(before2033.years[1]!.quotes).toEqual(from2023.quotes);
  });

  it("copies all or nothing: a deleted or same-year quote refuses the whole copy", async () => {
    const [copy] = await listYearQuotes(t.db, 2031);
    await deleteQuote(t.db, copy!.id, {}, editor);
    const original = (await listEarlierQuotes(t.db, 2031))!.years[0]!.quotes[2]!;
    await expect(copyQuotes(t.db, 2033, [original.id, copy!.id], editor)).rejects.toMatchObject({ code: "validation" });
    expect(await listYearQuotes(t.db, 2033)).toEqual([]);
    const [other] = await copyQuotes(t.db, 2033, [original.id], editor);
    await expect(copyQuotes(t.db, 2033, [other!.id], editor)).rejects.toMatchObject({ code: "validation" });
  });

  it("refuses copies into a locked year, whose detail names who locked it", async () => {
    await lockYear(t.db, 2032, await createActor(t, "reviewer", "Rita"));
    const original = (await listEarlierQuotes(t.db, 2031))!.years[0]!.quotes[0]!;
    await expect(copyQuotes(t.db, 2032, [original.id], editor)).rejects.toMatchObject({ code: "locked" });
    expect(await findYearDetail(t.db, 2032)).toMatchObject({ year: 2032, status: "locked", lockedBy: "Rita", lockedAt: expect.any(Date) });
    expect(await findYearDetail(t.db, 2031)).toMatchObject({ status: "open", lockedAt: null, lockedBy: null });
    expect(await findYearDetail(t.db, 1990)).toBeNull();
  });
});
