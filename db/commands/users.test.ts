import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFromToken, authorize } from "@/server/auth/guard";
import { type AppError } from "@/lib/errors";
import * as schema from "@/db/schema";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { countUsers } from "../queries/users";
import { createApiToken, createFirstAdmin, createUser } from "./users";

const PASSWORD = "lantern orchard ninety rivers";

describe.each(engines)("users, tokens and the guard on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine, { seed: false });
  });
  afterAll(() => t.drop());

  it("creates the first admin once, even when two set-ups race", async () => {
    const attempts = await Promise.allSettled([
      createFirstAdmin(t.db, { email: "a@example.org", name: "A", password: PASSWORD }),
      createFirstAdmin(t.db, { email: "b@example.org", name: "B", password: PASSWORD }),
    ]);
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.find((a) => a.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "forbidden" });
    expect(await countUsers(t.db)).toBe(1);
    const [admin] = await t.db.select().from(schema.users);
    expect(admin?.role).toBe("admin");
    // Stored as an argon2id hash, never the password.
    expect(admin?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a second user with the same email, whatever its case, and writes nothing", async () => {
    await createUser(t.db, { email: "dup@example.org", name: "One", role: "viewer", password: PASSWORD }, null);
    const before = await t.db.select({ n: count() }).from(schema.auditLog);
    await expect(createUser(t.db, { email: "DUP@example.org", name: "Two", role: "editor", password: PASSWORD }, null)).rejects.toMatchObject({
      code: "conflict",
      fields: { email: expect.any(String) },
    });
    expect(await t.db.select({ n: count() }).from(schema.auditLog)).toEqual(before);
  });

  it("issues a random token stored only as a hash, which identifies its user", async () => {
    const user = await createUser(t.db, { email: "tok@example.org", name: "Tok", role: "editor", password: PASSWORD }, null);
    const first = await createApiToken(t.db, user.id, "script");
    const second = await createApiToken(t.db, user.id, "script");
    expect(first.token).not.toBe(second.token);
    expect(first.token).toMatch(/^rd_[A-Za-z0-9_-]{40,}$/);
    const stored = await t.db.select().from(schema.apiTokens).where(eq(schema.apiTokens.userId, user.id));
    expect(stored.map((s) => s.tokenHash)).not.toContain(first.token);
    expect(await actorFromToken(t.db, first.token)).toMatchObject({ id: user.id, role: "editor", via: "token" });
    expect(await actorFromToken(t.db, first.token + "x")).toBeNull();
  });

  it("stops a deactivated user's tokens at once", async () => {
    const user = await createUser(t.db, { email: "gone@example.org", name: "Gone", role: "editor", password: PASSWORD }, null);
    const { token } = await createApiToken(t.db, user.id, "script");
    await t.db.update(schema.users).set({ active: false }).where(eq(schema.users.id, user.id));
    expect(await actorFromToken(t.db, token)).toBeNull();
  });
});

describe("authorize", () => {
  const actor = (role: "admin" | "editor" | "reviewer" | "viewer") => ({ id: 1, email: "x@example.org", name: "X", role, via: "token" as const });

  it("answers 401 without a caller and 403 for a role without the permission", () => {
    expect(() => authorize(null, "read")).toThrow(expect.objectContaining({ status: 401 }) as AppError);
    expect(() => authorize(actor("viewer"), "values:write")).toThrow(expect.objectContaining({ status: 403 }) as AppError);
    expect(() => authorize(actor("editor"), "years:lock")).toThrow(expect.objectContaining({ status: 403 }) as AppError);
    expect(() => authorize(actor("reviewer"), "years:unlock")).toThrow(expect.objectContaining({ status: 403 }) as AppError);
  });

  it("lets each role do what API.md gives it", () => {
    expect(authorize(actor("viewer"), "read").role).toBe("viewer");
    expect(authorize(actor("editor"), "values:write").role).toBe("editor");
    expect(authorize(actor("reviewer"), "years:lock").role).toBe("reviewer");
    expect(authorize(actor("admin"), "years:unlock").role).toBe("admin");
    expect(authorize(actor("admin"), "users:manage").role).toBe("admin");
  });
});
