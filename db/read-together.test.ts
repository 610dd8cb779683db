import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import type { Executor } from "./client";
import { readTogether } from "./read-together";

describe.each(engines)("readTogether on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine, { seed: false });
  });
  afterAll(() => t.drop());

  /** A read that counts how many reads are under way when it starts. */
  function tracker() {
    let running = 0;
    let most = 0;
    const read = (db: Executor, n: number) => async () => {
      most = Math.max(most, ++running);
      // Both engines answer `execute` with `{ rows }`; the union of their types does not say so.
      const result: unknown = await db.execute(sql`select ${n}::int as n`);
      const { rows } = result as { rows: { n: number }[] };
      running--;
      return Number(rows[0]!.n);
    };
    return { read, most: () => most };
  }

  it("sends the reads side by side on the pool, answering in the order asked", async () => {
    const { read, most } = tracker();
    expect(await readTogether(t.db, [read(t.db, 1), read(t.db, 2), async () => "three"])).toEqual([1, 2, "three"]);
    expect(most()).toBe(2);
  });

  it("sends them one at a time inside a transaction, whose one connection takes one query at a time", async () => {
    const { read, most } = tracker();
    expect(await t.db.transaction((tx) => readTogether(tx, [read(tx, 1), read(tx, 2), read(tx, 3)]))).toEqual([1, 2, 3]);
    expect(most()).toBe(1);
  });
});
