import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { auditLog, quoteRevisions, quotes } from "@/db/schema";
import { listYearQuotes } from "@/db/queries/years";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import { createQuote, deleteQuote, updateQuote } from "./quotes";
import { lockYear, openYear, unlockYear } from "./years";

const FIELDS = { speaker: "António Guterres", title: "Secretary-General", section: "peacekeeping", text: "Peace is   our\nwork." };

describe.each(engines)("quotes on %s", (engine) => {
  let t: TestDatabase;
  let editor: Actor;
  let admin: Actor;
  const YEAR = 2040;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    editor = await createActor(t, "editor", "Edith Editor");
    admin = await createActor(t, "admin", "Ada Admin");
    await openYear(t.db, YEAR, editor);
  });
  afterAll(() => t.drop());

  const revisionsOf = (id: number) =>
    t.db
      .select({ action: quoteRevisions.action, text: quoteRevisions.text, version: quoteRevisions.version })
      .from(quoteRevisions)
      .where(eq(quoteRevisions.quoteId, id))
      .orderBy(quoteRevisions.id);
  const rowOf = async (id: number) => (await t.db.select().from(quotes).where(eq(quotes.id, id)))[0];
  const auditRows = async () => (await t.db.select({ n: count() }).from(auditLog))[0]!.n;
  const state = async (id: number) => ({ row: await rowOf(id), revisions: await revisionsOf(id), audit: await auditRows() });

  it("creates a quote at version 1 with a 'create' revision, keeping inner whitespace", async () => {
    const quote = await createQuote(t.db, YEAR, FIELDS, editor);
    expect(quote).toMatchObject({ year: YEAR, ...FIELDS, version: 1 });
    expect(await revisionsOf(quote.id)).toEqual([{ action: "create", text: FIELDS.text, version: 1 }]);
  });

  it("updates from the version read; a stale version gets the current quote and writes nothing", async () => {
    const quote = await createQuote(t.db, YEAR, FIELDS, editor);
    const updated = await updateQuote(t.db, quote.id, { ...FIELDS, text: "Second wording.", version: 1 }, editor);
    expect(updated).toMatchObject({ id: quote.id, text: "Second wording.", version: 2 });
    const before = await state(quote.id);
    const error = (await updateQuote(t.db, quote.id, { ...FIELDS, text: "Stale wording.", version: 1 }, admin).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "conflict", status: 409, extra: { current: expect.objectContaining({ text: "Second wording.", version: 2 }) } });
    await expect(deleteQuote(t.db, quote.id, { version: 1 }, admin)).rejects.toMatchObject({ code: "conflict" });
    expect(await state(quote.id)).toEqual(before);
  });

  it("refuses an unknown section with the field named, and writes nothing", async () => {
    const quote = await createQuote(t.db, YEAR, FIELDS, editor);
    const before = await state(quote.id);
    await expect(updateQuote(t.db, quote.id, { ...FIELDS, section: "nowhere", version: 1 }, editor)).rejects.toMatchObject({
      code: "validation",
      fields: { section: expect.any(String) },
    });
    expect(await state(quote.id)).toEqual(before);
    const quotesBefore = await listYearQuotes(t.db, YEAR);
    await expect(createQuote(t.db, YEAR, { ...FIELDS, section: "nowhere" }, editor)).rejects.toMatchObject({ code: "validation" });
    expect(await listYearQuotes(t.db, YEAR)).toEqual(quotesBefore);
  });

  it("soft-deletes: the quote leaves the year, its row and all its revisions stay", async () => {
    const quote = await createQuote(t.db, YEAR, FIELDS, editor);
    await updateQuote(t.db, quote.id, { ...FIELDS, text: "Revised.", version: 1 }, editor);
    expect(await deleteQuote(t.db, quote.id, { version: 2, reason: "duplicate" }, editor)).toEqual({ id: quote.id, deleted: true });
    expect((await listYearQuotes(t.db, YEAR)).map((q) => q.id)).not.toContain(quote.id);
    expect(await rowOf(quote.id)).toMatchObject({ deletedAt: expect.any(Date), version: 3, text: "Revised." });
    expect((await revisionsOf(quote.id)).map((r) => [r.action, r.version])).toEqual([
      ["create", 1],
      ["update", 2],
      ["delete", 3],
    ]);
    // A deleted quote is gone for writers: neither updated nor deleted again.
    await expect(updateQuote(t.db, quote.id, { ...FIELDS, version: 3 }, editor)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteQuote(t.db, quote.id, {}, editor)).rejects.toMatchObject({ code: "not_found" });
    expect(await revisionsOf(quote.id)).toHaveLength(3);
  });

  it("refuses to create, change or delete quotes of a locked year, and writes nothing", async () => {
    await openYear(t.db, 2041, editor);
    const quote = await createQuote(t.db, 2041, FIELDS, editor);
    await lockYear(t.db, 2041, admin);
    const before = await state(quote.id);
    const listBefore = await listYearQuotes(t.db, 2041);
    await expect(createQuote(t.db, 2041, FIELDS, editor)).rejects.toMatchObject({ code: "locked", status: 423 });
    await expect(updateQuote(t.db, quote.id, { ...FIELDS, text: "Changed.", version: 1 }, editor)).rejects.toMatchObject({ code: "locked" });
    await expect(deleteQuote(t.db, quote.id, { version: 1 }, editor)).rejects.toMatchObject({ code: "locked" });
    expect(await state(quote.id)).toEqual(before);
    expect(await listYearQuotes(t.db, 2041)).toEqual(listBefore);
    await unlockYear(t.db, 2041, "quote wording", admin);
    expect(await updateQuote(t.db, quote.id, { ...FIELDS, text: "Changed.", version: 1 }, editor)).toMatchObject({ version: 2 });
  });

  it("answers not found for a quote that does not exist or a year never opened", async () => {
    await expect(updateQuote(t.db, 987_654, FIELDS, editor)).rejects.toMatchObject({ code: "not_found" });
    await expect(createQuote(t.db, 2099, FIELDS, editor)).rejects.toMatchObject({ code: "not_found" });
  });

  it("of 20 simultaneous updates from one version exactly one lands, with one revision", async () => {
    const quote = await createQuote(t.db, YEAR, FIELDS, editor);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => updateQuote(t.db, quote.id, { ...FIELDS, text: `Wording ${i}.`, version: 1 }, editor)),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect(r.reason).toMatchObject({ code: "conflict" });
    expect(await revisionsOf(quote.id)).toHaveLength(2);
    expect(await rowOf(quote.id)).toMatchObject({ version: 2, text: (won[0] as PromiseFulfilledResult<{ text: string }>).value.text });
  });
});
