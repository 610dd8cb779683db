import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as Guard from "@/server/auth/guard";
import type { Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password-hash";
import { users } from "@/db/schema";
import { createTestDatabase, engines, type TestDatabase } from "./support/db";
import { createPeople } from "./support/db-fixtures";

// The admin's reset form as the browser calls it, with the caller and the database supplied by the test.
const calls = vi.hoisted<{ actor: Actor | null; db: unknown }>(() => ({ actor: null, db: null }));
vi.mock("@/db/client", () => ({ getDb: () => Promise.resolve(calls.db) }));
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(new Headers()) }));
vi.mock("@/server/auth/guard", async (importOriginal) => ({
  ...(await importOriginal<typeof Guard>()),
  currentActor: () => Promise.resolve(calls.actor),
}));

const { resetPasswordAction } = await import("@/server/actions/people");
// A direct POST to a server action can carry anything, whatever the type says.
const post = resetPasswordAction as (raw: unknown) => ReturnType<typeof resetPasswordAction>;

const NEW_PASSWORD = "lanterns drift over quiet harbours";

describe.each(engines)("the password reset form's action on %s", (engine) => {
  let t: TestDatabase;
  let people: Record<"admin" | "editor", Actor>;
  const hashOf = async (id: number) => (await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id)))[0]!.hash;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    calls.db = t.db;
    people = await createPeople(t, ["admin", "editor"]);
  });
  afterAll(() => t.close());

  it("refuses two different passwords on the server, and changes nothing", async () => {
    calls.actor = people.admin;
    const before = await hashOf(people.editor.id);
    const result = await post({ body: { userId: people.editor.id, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` } });
    expect(result).toMatchObject({ ok: false, fieldErrors: { confirm: "The two passwords differ" } });
    expect(await hashOf(people.editor.id)).toBe(before);
    // Nor may the repeat be left out, as a caller skipping the form would.
    expect(await post({ body: { userId: people.editor.id, password: NEW_PASSWORD } })).toMatchObject({
      ok: false,
      fieldErrors: { confirm: expect.any(String) },
    });
    expect(await hashOf(people.editor.id)).toBe(before);
  });

  it("resets the password when both agree, for an admin only", async () => {
    calls.actor = people.editor;
    expect(await resetPasswordAction({ body: { userId: people.admin.id, password: NEW_PASSWORD, confirm: NEW_PASSWORD } })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    calls.actor = people.admin;
    expect(await resetPasswordAction({ body: { userId: people.editor.id, password: NEW_PASSWORD, confirm: NEW_PASSWORD } })).toMatchObject({ ok: true });
    expect(await verifyPassword(await hashOf(people.editor.id), NEW_PASSWORD)).toBe(true);
  });

  it("answers a person who is not there with not found", async () => {
    calls.actor = people.admin;
    expect(await resetPasswordAction({ body: { userId: 2_000_000, password: NEW_PASSWORD, confirm: NEW_PASSWORD } })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});
