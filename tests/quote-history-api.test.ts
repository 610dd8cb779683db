import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as Guard from "@/server/auth/guard";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain";
import { quoteHistoryBody } from "@/lib/validation/api";
import { updateQuote } from "@/db/commands/quotes";
import { openYear } from "@/db/commands/years";
import { createTestDatabase, engines, type TestDatabase } from "./support/db";
import { createPeople, createQuoteIn } from "./support/db-fixtures";
import { quoteOf } from "./support/fixtures";

// The route as a client meets it, with the caller and the database supplied by the test.
const calls = vi.hoisted<{ actor: Actor | null; db: unknown }>(() => ({ actor: null, db: null }));
vi.mock("@/db/client", () => ({ getDb: () => Promise.resolve(calls.db) }));
vi.mock("@/server/auth/guard", async (importOriginal) => ({ ...(await importOriginal<typeof Guard>()), resolveActor: () => Promise.resolve(calls.actor) }));

const historyRoute = await import("@/app/api/v1/quotes/[id]/history/route");

async function get(id: string) {
  const req = new NextRequest(`http://desk.test/api/v1/quotes/${id}/history`);
  const res = await historyRoute.GET(req, { params: Promise.resolve({ id }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string } } };
}

describe.each(engines)("GET /api/v1/quotes/{id}/history on %s", (engine) => {
  let t: TestDatabase;
  const people = {} as Record<Role, Actor>;
  let quoteId: number;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    calls.db = t.db;
    Object.assign(people, await createPeople(t, ["editor", "viewer"] as const));
    await openYear(t.db, 2044, people.editor);
    const quote = await createQuoteIn(t, 2044, people.editor, { text: "First." });
    await updateQuote(t.db, quote.id, { ...quoteOf({ text: "Second." }), version: 1, reason: "Typo" }, people.editor);
    quoteId = quote.id;
  });
  afterAll(() => t.drop());

  it("lets a viewer read the revisions, newest first, in the documented shape", async () => {
    calls.actor = people.viewer;
    const { status, body } = await get(String(quoteId));
    expect(status).toBe(200);
    expect(quoteHistoryBody.parse(body).revisions.map((r) => [r.version, r.text, r.changed, r.reason])).toEqual([
      [2, "Second.", ["text"], "Typo"],
      [1, "First.", [], null],
    ]);
  });

  it("answers 404 for an unknown quote, 400 for an id that is not one, 401 without a caller", async () => {
    calls.actor = people.viewer;
    expect(await get("2000000000")).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect((await get("abc")).status).toBe(400);
    calls.actor = null;
    expect((await get(String(quoteId))).status).toBe(401);
  });
});
