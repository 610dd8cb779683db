import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionUser } from "@/server/auth/guard";
import { SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/session-lifetime";
import type { Actor } from "@/lib/auth/actor";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import { listAudit } from "@/tests/support/audit";
import { findSessionUser } from "../queries/users";
import { endSessions } from "./sessions";
import { changeOwnPassword, createUser, updateUser } from "./users";

const PASSWORD = "lantern orchard ninety rivers";

describe.each(engines)("sessions end on the server on %s", (engine) => {
  let t: TestDatabase;
  let admin: Actor;
  const now = new Date();
  const signedIn = async (id: number, authTime = Math.floor(now.getTime() / 1000)) => ({
    uid: id,
    sv: (await findSessionUser(t.db, id))!.sessionVersion,
    authTime,
  });
  const person = (email: string) => createUser(t.db, { email, name: email.split("@")[0]!, role: "editor", password: PASSWORD }, admin);

  beforeAll(async () => {
    t = await createTestDatabase(engine, { seed: false });
    admin = await createActor(t, "admin", "Root");
  });
  afterAll(() => t.drop());

  it("sign-out ends that session and every copy of its cookie; replaying it changes nothing more", async () => {
    const user = await person("leaving@example.org");
    const token = await signedIn(user.id);
    expect(await sessionUser(t.db, token, now)).toMatchObject({ id: user.id });
    expect(await endSessions(t.db, token.uid, token.sv)).toBe(true);
    expect(await sessionUser(t.db, token, now)).toBeNull();
    expect(await endSessions(t.db, token.uid, token.sv)).toBe(false);
    expect((await listAudit(t.db)).filter((a) => a.action === "sign_out" && a.actorId === user.id)).toHaveLength(1);
    // Signing in again starts a new, valid session.
    expect(await sessionUser(t.db, await signedIn(user.id), now)).toMatchObject({ id: user.id });
  });

  it("a password change, a role change and deactivation each end existing sessions", async () => {
    const user = await person("changing@example.org");
    const beforePassword = await signedIn(user.id);
    await changeOwnPassword(t.db, user.id, PASSWORD, "copper heron folds paper boats");
    expect(await sessionUser(t.db, beforePassword, now)).toBeNull();
    const beforeRole = await signedIn(user.id);
    await updateUser(t.db, user.id, { role: "viewer" }, admin);
    expect(await sessionUser(t.db, beforeRole, now)).toBeNull();
    const beforeDeactivation = await signedIn(user.id);
    await updateUser(t.db, user.id, { active: false }, admin);
    expect(await sessionUser(t.db, beforeDeactivation, now)).toBeNull();
  });

  it("a session ends at its absolute lifetime however recently it was used, and a token without a sign-in time is refused", async () => {
    const user = await person("busy@example.org");
    const token = await signedIn(user.id, Math.floor(now.getTime() / 1000) - SESSION_ABSOLUTE_SECONDS + 60);
    expect(await sessionUser(t.db, token, now)).toMatchObject({ id: user.id });
    expect(await sessionUser(t.db, token, new Date(now.getTime() + 61_000))).toBeNull();
    expect(await sessionUser(t.db, { uid: token.uid, sv: token.sv }, now)).toBeNull();
  });
});
