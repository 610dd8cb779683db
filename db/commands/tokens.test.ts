import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFromToken } from "@/server/auth/guard";
import type { Actor } from "@/lib/auth/actor";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import { listAudit } from "@/tests/support/audit";
import { listApiTokens } from "../queries/users";
import { changeOwnPassword, createApiToken, createUser, revokeAllApiTokens, updateUser } from "./users";

const PASSWORD = "lantern orchard ninety rivers";
const DAY = 24 * 60 * 60 * 1000;

describe.each(engines)("API token expiry and revocation on %s", (engine) => {
  let t: TestDatabase;
  let admin: Actor;
  const person = (email: string) => createUser(t.db, { email, name: email.split("@")[0]!, role: "editor", password: PASSWORD }, admin);

  beforeAll(async () => {
    t = await createTestDatabase(engine, { seed: false });
    admin = await createActor(t, "admin", "Root");
  });
  afterAll(() => t.drop());

  it("expires after 90 days by default, works until then, and the list says when", async () => {
    const user = await person("expiry@example.org");
    const now = new Date();
    const created = await createApiToken(t.db, user.id, "default", undefined, now);
    expect(created.expiresAt).toBe(new Date(now.getTime() + 90 * DAY).toISOString());
    expect(await actorFromToken(t.db, created.token, new Date(now.getTime() + 89 * DAY))).toMatchObject({ id: user.id });
    expect(await actorFromToken(t.db, created.token, new Date(now.getTime() + 90 * DAY + 1))).toBeNull();
    const [listed] = await listApiTokens(t.db, user.id);
    expect(listed).toMatchObject({ name: "default", expiresAt: new Date(now.getTime() + 90 * DAY) });
    expect(listed!.lastUsedAt).not.toBeNull();
  });

  it("takes another lifetime, or never expires when asked for", async () => {
    const user = await person("lifetimes@example.org");
    const now = new Date();
    const week = await createApiToken(t.db, user.id, "week", 7, now);
    const forever = await createApiToken(t.db, user.id, "forever", null, now);
    expect(await actorFromToken(t.db, week.token, new Date(now.getTime() + 8 * DAY))).toBeNull();
    expect(forever.expiresAt).toBeNull();
    expect(await actorFromToken(t.db, forever.token, new Date(now.getTime() + 3_000 * DAY))).toMatchObject({ id: user.id });
  });

  it("revoke all ends every token of the caller, audited, and leaves others' tokens alone", async () => {
    const user = await person("revoker@example.org");
    const other = await person("bystander@example.org");
    const a = await createApiToken(t.db, user.id, "a");
    const b = await createApiToken(t.db, user.id, "b");
    const theirs = await createApiToken(t.db, other.id, "theirs");
    expect(await revokeAllApiTokens(t.db, user.id)).toEqual({ revoked: 2 });
    expect(await actorFromToken(t.db, a.token)).toBeNull();
    expect(await actorFromToken(t.db, b.token)).toBeNull();
    expect(await actorFromToken(t.db, theirs.token)).toMatchObject({ id: other.id });
    expect(await listApiTokens(t.db, user.id)).toEqual([]);
    expect((await listAudit(t.db))[0]).toMatchObject({ action: "token_revoked", actorId: user.id, detail: { tokenIds: [a.id, b.id] } });
    expect(await revokeAllApiTokens(t.db, user.id)).toEqual({ revoked: 0 });
  });

  it("a password change, by the owner or reset by an admin, revokes the owner's tokens", async () => {
    const user = await person("changer@example.org");
    const before = await createApiToken(t.db, user.id, "before own change");
    await changeOwnPassword(t.db, user.id, PASSWORD, "copper heron folds paper boats");
    expect(await actorFromToken(t.db, before.token)).toBeNull();
    const again = await createApiToken(t.db, user.id, "before reset");
    await updateUser(t.db, user.id, { password: "violet kites over granite bay" }, admin);
    expect(await actorFromToken(t.db, again.token)).toBeNull();
  });
});
