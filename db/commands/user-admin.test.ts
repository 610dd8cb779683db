import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFromToken } from "@/server/auth/guard";
import { verifyPassword } from "@/lib/auth/password-hash";
import * as schema from "@/db/schema";
import { changeOwnPasswordSchema, updateUserSchema } from "@/lib/validation/user";
import type { Actor } from "@/lib/auth/actor";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import { listAudit } from "@/tests/support/audit";
import { findSessionUser, listApiTokens } from "../queries/users";
import { signInWithPassword, THROTTLE } from "./sign-in";
import { changeOwnPassword, createApiToken, createUser, updateUser } from "./users";

const PASSWORD = "lantern orchard ninety rivers";
const NEW_PASSWORD = "copper heron folds paper boats";

describe.each(engines)("administering people on %s", (engine) => {
  let t: TestDatabase;
  let admin: Actor;
  const make = async (email: string, role: "admin" | "editor" | "reviewer" | "viewer" = "editor") =>
    createUser(t.db, { email, name: email.split("@")[0]!, role, password: PASSWORD }, admin);
  const sessionVersion = async (id: number) => (await findSessionUser(t.db, id))!.sessionVersion;

  beforeAll(async () => {
    t = await createTestDatabase(engine, { seed: false });
    admin = await createActor(t, "admin", "Root");
  });
  afterAll(() => t.drop());

  it("changes a role, bumps the session version and audits from → to", async () => {
    const user = await make("role@example.org", "viewer");
    const sv = await sessionVersion(user.id);
    expect(await updateUser(t.db, user.id, { role: "reviewer" }, admin)).toMatchObject({ id: user.id, role: "reviewer", active: true });
    expect(await sessionVersion(user.id)).toBe(sv + 1);
    expect((await listAudit(t.db))[0]).toMatchObject({
      action: "user_role_changed",
      actorId: admin.id,
      detail: { userId: user.id, from: "viewer", to: "reviewer" },
    });
  });

  it("deactivation stops sessions (session version) and revokes API tokens for good; reactivation does not bring them back", async () => {
    const user = await make("leaver@example.org");
    const { token } = await createApiToken(t.db, user.id, "script");
    expect(await actorFromToken(t.db, token)).not.toBeNull();
    const sv = await sessionVersion(user.id);
    await updateUser(t.db, user.id, { active: false }, admin);
    expect(await sessionVersion(user.id)).toBe(sv + 1);
    expect(await actorFromToken(t.db, token)).toBeNull();
    expect((await listAudit(t.db)).slice(0, 2)).toMatchObject([
      { action: "token_revoked", detail: { userId: user.id, why: "deactivated" } },
      { action: "user_deactivated", detail: { userId: user.id } },
    ]);
    await updateUser(t.db, user.id, { active: true }, admin);
    expect(await actorFromToken(t.db, token)).toBeNull();
    expect((await listAudit(t.db))[0]).toMatchObject({ action: "user_reactivated" });
  });

  it("resets a password: the new one verifies, sessions stop, audited without the password", async () => {
    const user = await make("forgot@example.org");
    const sv = await sessionVersion(user.id);
    await updateUser(t.db, user.id, await updateUserSchema.parseAsync({ password: NEW_PASSWORD }), admin);
    const [row] = await t.db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(await verifyPassword(row!.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(row!.passwordHash, PASSWORD)).toBe(false);
    expect(row!.sessionVersion).toBe(sv + 1);
    const [entry] = await listAudit(t.db);
    expect(entry).toMatchObject({ action: "user_password_reset", detail: { userId: user.id } });
    expect(JSON.stringify(entry)).not.toContain(NEW_PASSWORD);
    // The same rules as every new password: a common one is refused.
    expect((await updateUserSchema.safeParseAsync({ password: "password1234" })).success).toBe(false);
  });

  it("refuses an admin demoting or deactivating themselves", async () => {
    await expect(updateUser(t.db, admin.id, { role: "editor" }, admin)).rejects.toMatchObject({ code: "forbidden", fields: { role: expect.any(String) } });
    await expect(updateUser(t.db, admin.id, { active: false }, admin)).rejects.toMatchObject({ code: "forbidden", fields: { active: expect.any(String) } });
    expect(await findSessionUser(t.db, admin.id)).toMatchObject({ role: "admin", active: true });
  });

  it("never removes the last active admin, even when two admins demote each other at once", async () => {
    const second = await createActor(t, "admin", "second");
    // Each demotes the other at the same time: only one may win.
    const results = await Promise.allSettled([updateUser(t.db, second.id, { role: "editor" }, admin), updateUser(t.db, admin.id, { active: false }, second)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const admins = (await t.db.select().from(schema.users).where(eq(schema.users.role, "admin"))).filter((u) => u.active);
    expect(admins).toHaveLength(1);
    const lastAdmin = admins[0]!;
    const other = lastAdmin.id === admin.id ? second : admin;
    // Whoever is left cannot be removed, whatever the other (no longer an admin, but the command is the rule) tries.
    await expect(updateUser(t.db, lastAdmin.id, { role: "viewer" }, other)).rejects.toMatchObject({ code: "conflict" });
    await expect(updateUser(t.db, lastAdmin.id, { active: false }, other)).rejects.toMatchObject({ code: "conflict" });
    // Put things back for the following tests.
    if (lastAdmin.id !== admin.id) await updateUser(t.db, admin.id, { active: true, role: "admin" }, second);
  });

  it("answers 404 for an unknown user and refuses an empty change", async () => {
    await expect(updateUser(t.db, 999_999, { role: "viewer" }, admin)).rejects.toMatchObject({ code: "not_found" });
    expect((await updateUserSchema.safeParseAsync({})).success).toBe(false);
  });

  it("changing one's own password needs the current one and stops other sessions", async () => {
    const user = await make("self@example.org");
    const sv = await sessionVersion(user.id);
    await expect(changeOwnPassword(t.db, user.id, "not my password at all", NEW_PASSWORD)).rejects.toMatchObject({
      code: "validation",
      fields: { currentPassword: expect.any(String) },
    });
    expect(await sessionVersion(user.id)).toBe(sv);
    expect(await changeOwnPassword(t.db, user.id, PASSWORD, NEW_PASSWORD)).toEqual({ sessionVersion: sv + 1 });
    const [row] = await t.db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(await verifyPassword(row!.passwordHash, NEW_PASSWORD)).toBe(true);
    expect((await listAudit(t.db))[0]).toMatchObject({ action: "password_changed", actorId: user.id });
    const same = await changeOwnPasswordSchema.safeParseAsync({ currentPassword: NEW_PASSWORD, newPassword: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(same.error?.issues.map((i) => i.path[0])).toContain("newPassword");
  });

  it("wrong current passwords are audited and lock the account like failed sign-ins", async () => {
    const user = await make("guessed@example.org");
    for (let i = 0; i < THROTTLE.maxPerEmail; i++) {
      await expect(changeOwnPassword(t.db, user.id, `guess number ${i}`, NEW_PASSWORD, "192.0.2.7")).rejects.toMatchObject({ code: "validation" });
    }
    // Locked now, even with the right password, and the sign-in form says the same.
    await expect(changeOwnPassword(t.db, user.id, PASSWORD, NEW_PASSWORD, "192.0.2.7")).rejects.toMatchObject({
      code: "too_many_requests",
      fields: { currentPassword: expect.any(String) },
    });
    expect(await signInWithPassword(t.db, { email: "guessed@example.org", password: PASSWORD, ip: "192.0.2.8" })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    const failed = (await listAudit(t.db)).filter((a) => a.action === "password_change_failed" && a.actorId === user.id);
    expect(failed).toHaveLength(THROTTLE.maxPerEmail);
    const [row] = await t.db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(await verifyPassword(row!.passwordHash, PASSWORD)).toBe(true);
  });

  it("records a token's last use at most once a minute", async () => {
    const user = await make("tokens@example.org");
    const { id, token } = await createApiToken(t.db, user.id, "cron", null);
    const lastUsed = async () => (await listApiTokens(t.db, user.id)).find((x) => x.id === id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const t0 = new Date("2060-01-01T10:00:00Z");
    await actorFromToken(t.db, token, t0);
    expect(await lastUsed()).toEqual(t0);
    await actorFromToken(t.db, token, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toEqual(t0);
    const t1 = new Date(t0.getTime() + 61_000);
    await actorFromToken(t.db, token, t1);
    expect(await lastUsed()).toEqual(t1);
  });
});
