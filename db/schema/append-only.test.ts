import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { auditLog, blockRevisions, textBlocks, valueRevisions } from "./index";

// Drizzle wraps the database's error; the trigger's own message is its cause.
const refused = { cause: { message: expect.stringMatching(/append-only: (UPDATE|DELETE|TRUNCATE) refused/) } };

describe.each(engines)("append-only tables on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(() => t.drop());

  it("refuses UPDATE, DELETE and TRUNCATE of value revisions", async () => {
    const [rev] = await t.db.select().from(valueRevisions).limit(1);
    expect(rev).toBeDefined();
    await expect(t.db.update(valueRevisions).set({ value: 1 }).where(eq(valueRevisions.id, rev!.id))).rejects.toMatchObject(refused);
    await expect(t.db.delete(valueRevisions).where(eq(valueRevisions.id, rev!.id))).rejects.toMatchObject(refused);
    await expect(t.db.execute(sql`truncate value_revisions cascade`)).rejects.toMatchObject(refused);
    const [after] = await t.db.select().from(valueRevisions).where(eq(valueRevisions.id, rev!.id));
    expect(after).toEqual(rev);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of block revisions", async () => {
    const [block] = await t.db
      .insert(textBlocks)
      .values({ year: 2023, kind: "paragraph", sectionKey: "peacekeeping", position: 99, text: "Words" })
      .returning();
    const [rev] = await t.db
      .insert(blockRevisions)
      .values({
        blockId: block!.id,
        year: 2023,
        action: "create",
        kind: "paragraph",
        sectionKey: "peacekeeping",
        position: 99,
        text: "Words",
        attributes: {},
        version: 1,
      })
      .returning();
    await expect(t.db.update(blockRevisions).set({ text: "Forged" }).where(eq(blockRevisions.id, rev!.id))).rejects.toMatchObject(refused);
    await expect(t.db.delete(blockRevisions).where(eq(blockRevisions.id, rev!.id))).rejects.toMatchObject(refused);
    await expect(t.db.execute(sql`truncate block_revisions cascade`)).rejects.toMatchObject(refused);
  });

  it("refuses changes to the audit log", async () => {
    await t.db.insert(auditLog).values({ action: "sign_in", actorEmail: "x@example.org" });
    await expect(t.db.update(auditLog).set({ action: "forged" }).where(eq(auditLog.actorEmail, "x@example.org"))).rejects.toMatchObject(refused);
  });
});
