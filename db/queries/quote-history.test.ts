import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createQuote, deleteQuote, updateQuote } from "@/db/commands/quotes";
import { openYear } from "@/db/commands/years";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import { listQuoteHistory } from "./quote-history";

const YEAR = 2043;
const FIELDS = { speaker: "Ada Speaker", title: "Envoy", section: "peacekeeping", text: "Peace is our work." };

describe.each(engines)("quote history on %s", (engine) => {
  let t: TestDatabase;
  let editor: Actor;
  let admin: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    editor = await createActor(t, "editor", "Edith Editor");
    admin = await createActor(t, "admin", "Ada Admin");
    await openYear(t.db, YEAR, editor);
  });
  afterAll(() => t.drop());

  it("lists revisions newest first, each with who, why and the fields it changed", async () => {
    const quote = await createQuote(t.db, YEAR, { ...FIELDS, reason: "First draft" }, editor);
    await updateQuote(t.db, quote.id, { ...FIELDS, text: "Peace is all our work.", version: 1, reason: "Checked against the speech" }, editor);
    await updateQuote(t.db, quote.id, { ...FIELDS, text: "Peace is all our work.", title: "Special Envoy", section: "peacebuilding", version: 2 }, admin);

    const history = await listQuoteHistory(t.db, quote.id);
    expect(history).toMatchObject({ id: quote.id, year: YEAR, deleted: false });
    expect(history!.revisions.map(({ version, action, changed, changedBy, reason }) => ({ version, action, changed, changedBy, reason }))).toEqual([
      { version: 3, action: "update", changed: ["title", "section"], changedBy: "Ada Admin", reason: null },
      { version: 2, action: "update", changed: ["text"], changedBy: "Edith Editor", reason: "Checked against the speech" },
      { version: 1, action: "create", changed: [], changedBy: "Edith Editor", reason: "First draft" },
    ]);
    expect(history!.revisions[0]).toMatchObject({ title: "Special Envoy", section: "peacebuilding", text: "Peace is all our work." });
    expect(history!.revisions[2]).toMatchObject(FIELDS);
    expect(Date.parse(history!.revisions[0]!.changedAt)).not.toBeNaN();
  });

  it("keeps a deleted quote's history, its newest revision the deletion", async () => {
    const quote = await createQuote(t.db, YEAR, FIELDS, editor);
    await deleteQuote(t.db, quote.id, { version: 1, reason: "Speech withdrawn" }, editor);
    const history = await listQuoteHistory(t.db, quote.id);
    expect(history!.deleted).toBe(true);
    expect(history!.revisions.map((r) => [r.action, r.version, r.reason, r.changed])).toEqual([
      ["delete", 2, "Speech withdrawn", []],
      ["create", 1, null, []],
    ]);
  });

  it("is null for an id that was never a quote", async () => {
    expect(await listQuoteHistory(t.db, 2_000_000_000)).toBeNull();
  });
});
