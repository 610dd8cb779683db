import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { saveValue } from "@/db/commands/values";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import { listValueHistory, readEveryRevision, type Revision } from "./history";

const YEAR = 2036;
const KEY = "peace_operations";

async function drain(pages: AsyncGenerator<Revision[]>): Promise<Revision[][]> {
  const out: Revision[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe.each(engines)("value history on %s", (engine) => {
  let t: TestDatabase;
  let version = 0;
  let save: (value: number) => Promise<void>;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const actor = await createActor(t, "editor", "Hana Editor");
    await t.db.insert(schema.reportingYears).values({ year: YEAR });
    save = async (value: number) => {
      version = (await saveValue(t.db, YEAR, KEY, { value, version }, actor)).version;
    };
    for (let v = 1; v <= 7; v++) await save(v);
  });
  afterAll(() => t.drop());

  it("pages newest first, and the nextBefore chain visits every revision once", async () => {
    const seen: (number | null)[] = [];
    let before: number | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await listValueHistory(t.db, YEAR, KEY, { limit: 3, before });
      seen.push(...page!.revisions.map((r) => r.value));
      if (page!.nextBefore === null) break;
      before = page!.nextBefore;
    }
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect((await listValueHistory(t.db, YEAR, KEY, { limit: 7 }))!.nextBefore).toBeNull();
  });

  it("reads every revision in pages of the batch size, the same rows as one large page", async () => {
    const pages = await drain((await readEveryRevision(t.db, YEAR, KEY, 3))!);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const whole = await listValueHistory(t.db, YEAR, KEY, { limit: 500 });
    expect(pages.flat()).toEqual(whole!.revisions);
    expect(whole!.revisions[0]).toMatchObject({ value: 7, version: 7, changedBy: "Hana Editor" });
  });

  it("answers with the history as it was when the reading began", async () => {
    const pages = (await readEveryRevision(t.db, YEAR, KEY, 2))!;
    const before = (await listValueHistory(t.db, YEAR, KEY, { limit: 500 }))!.revisions;
    await save(8);
    const read = (await drain(pages)).flat();
    expect(read).toEqual(before);
    expect(read.some((r) => r.value === 8)).toBe(false);
  });

  it("is null for an unknown metric or year, before anything is read", async () => {
    expect(await readEveryRevision(t.db, YEAR, "no_such_metric")).toBeNull();
    expect(await readEveryRevision(t.db, YEAR - 1, KEY)).toBeNull();
    expect(await listValueHistory(t.db, YEAR, "no_such_metric")).toBeNull();
  });

  it("is an empty history for a metric of the year whose value was never saved", async () => {
    expect(await listValueHistory(t.db, YEAR, "pbc_countries_regions")).toEqual({ revisions: [], nextBefore: null });
    expect(await drain((await readEveryRevision(t.db, YEAR, "pbc_countries_regions"))!)).toEqual([[]]);
  });
});
