import "server-only";
import { and, count, eq, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/domain";
import type { UpdateUserInput } from "@/lib/validation/user";
import { hashPassword } from "@/lib/auth/password-hash";
import { generateToken } from "@/lib/auth/tokens";
import { TOKEN_DEFAULT_DAYS, tokenExpiry } from "@/lib/validation/token";
import { apiTokens, users } from "../schema";
import type { Database, Executor } from "../client";
import { recordAudit } from "./audit";
import { checkOwnPassword } from "./sign-in";

export type NewUser = { email: string; name: string; role: Role; password: string };

async function insertUser(db: Executor, input: NewUser, actor: Actor | null, ip?: string | null) {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({ email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  if (!row) throw new AppError("conflict", `A user with the email ${input.email} already exists`, { email: "This email is already in use" });
  await recordAudit(db, {
    action: "user_created",
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    detail: { userId: row.id, email: row.email, role: row.role },
    ip,
  });
  return row;
}

export async function createUser(db: Database, input: NewUser, actor: Actor | null, ip?: string | null) {
  return db.transaction((tx) => insertUser(tx, input, actor, ip));
}

/**
 * /setup: creates the first admin only while there are no users. The table lock makes two
 * simultaneous set-ups queue, so the second sees the first's user and is refused.
 */
export async function createFirstAdmin(db: Database, input: Omit<NewUser, "role">, ip?: string | null) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${users} in share row exclusive mode`);
    const [existing] = await tx.select({ n: count() }).from(users);
    if ((existing?.n ?? 0) > 0) throw new AppError("forbidden", "Set-up is already done: sign in instead");
    return insertUser(tx, { ...input, role: "admin" }, null, ip);
  });
}

/** `expiresInDays` null: a token that never expires, which must be asked for. */
export async function createApiToken(db: Database, userId: number, name: string, expiresInDays: number | null = TOKEN_DEFAULT_DAYS, now: Date = new Date()) {
  const { token, hash, prefix } = generateToken();
  const expiresAt = tokenExpiry(expiresInDays, now);
  return db.transaction(async (tx) => {
    const [owner] = await tx.select({ email: users.email, active: users.active }).from(users).where(eq(users.id, userId));
    if (!owner?.active) throw new AppError("not_found", "No active user has that id");
    const [row] = await tx.insert(apiTokens).values({ userId, name, tokenHash: hash, prefix, createdAt: now, expiresAt }).returning({ id: apiTokens.id });
    await recordAudit(tx, {
      action: "token_created",
      actorId: userId,
      actorEmail: owner.email,
      detail: { tokenId: row?.id, name, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id: row!.id, token, prefix, expiresAt: expiresAt?.toISOString() ?? null };
  });
}

/**
 * Revokes every token of a user still in force: from "Revoke all" on /account, and inside the
 * transaction of a deactivation or a password change, so that a token outlives neither. `by` is
 * the part of the actor the audit row records: the owner, when they act on their own tokens.
 */
async function revokeAllApiTokensIn(tx: Executor, userId: number, by: Pick<Actor, "id" | "email">, why: string, ip?: string | null) {
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (revoked.length > 0) {
    await recordAudit(tx, { action: "token_revoked", actorId: by.id, actorEmail: by.email, ip, detail: { userId, tokenIds: revoked.map((r) => r.id), why } });
  }
  return revoked.length;
}

export async function revokeAllApiTokens(db: Database, userId: number, ip?: string | null) {
  return db.transaction(async (tx) => {
    const [owner] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!owner) throw new AppError("not_found", "No user has that id");
    return { revoked: await revokeAllApiTokensIn(tx, userId, { id: userId, email: owner.email }, "revoked all", ip) };
  });
}

/** Revokes one of the user's own tokens; a token of someone else is "not found". */
export async function revokeApiToken(db: Database, userId: number, tokenId: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw new AppError("not_found", `Token ${tokenId} was not found among your active tokens`);
    const [owner] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    await recordAudit(tx, { action: "token_revoked", actorId: userId, actorEmail: owner?.email, detail: { tokenId } });
    return { id: row.id, revoked: true as const };
  });
}

/**
 * An admin changes someone's role, active state or password. Each change is audited, and each
 * bumps `session_version` (reactivation aside) so that sessions opened before it stop at once;
 * deactivation and a password reset also revoke the person's API tokens.
 * Refused: changing one's own role or active state, and anything that would leave no active admin.
 */
export async function updateUser(db: Database, userId: number, changes: UpdateUserInput, actor: Actor, ip?: string | null) {
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  return db.transaction(async (tx) => {
    const [target] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!target) throw new AppError("not_found", `There is no user with the id ${userId}`);
    const roleChanges = changes.role !== undefined && changes.role !== target.role;
    const activeChanges = changes.active !== undefined && changes.active !== target.active;
    if (target.id === actor.id && (roleChanges || activeChanges)) {
      throw new AppError(
        "forbidden",
        "You cannot change your own role or deactivate yourself; another admin can",
        roleChanges ? { role: "Not your own role" } : { active: "Not your own account" },
      );
    }
    const losesAdmin = target.role === "admin" && target.active && ((roleChanges && changes.role !== "admin") || (activeChanges && !changes.active));
    if (losesAdmin) {
      // Locking the other active admins makes two simultaneous demotions queue, so they cannot both pass.
      const others = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, target.id)))
        .for("update");
      if (others.length === 0) {
        throw new AppError(
          "conflict",
          `${target.name} is the last active admin: make someone else an admin first`,
          roleChanges ? { role: "The last active admin" } : { active: "The last active admin" },
        );
      }
    }

    const bump = roleChanges || (activeChanges && !changes.active) || passwordHash !== undefined;
    if (roleChanges || activeChanges || passwordHash !== undefined) {
      await tx
        .update(users)
        .set({
          ...(roleChanges ? { role: changes.role } : {}),
          ...(activeChanges ? { active: changes.active } : {}),
          ...(passwordHash !== undefined ? { passwordHash } : {}),
          ...(bump ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(users.id, target.id));
    }
    const audit = (action: "user_role_changed" | "user_deactivated" | "user_reactivated" | "user_password_reset", detail: Record<string, unknown> = {}) =>
      recordAudit(tx, { action, actorId: actor.id, actorEmail: actor.email, ip, detail: { userId: target.id, email: target.email, ...detail } });
    if (roleChanges) await audit("user_role_changed", { from: target.role, to: changes.role });
    if (activeChanges) await audit(changes.active ? "user_reactivated" : "user_deactivated");
    if (passwordHash !== undefined) await audit("user_password_reset");
    if ((activeChanges && !changes.active) || passwordHash !== undefined) {
      await revokeAllApiTokensIn(tx, target.id, actor, passwordHash !== undefined ? "password reset" : "deactivated", ip);
    }

    const [row] = await tx
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active })
      .from(users)
      .where(eq(users.id, target.id));
    return row!;
  });
}

/**
 * Someone changes their own password. The current one is required, so a session left open on
 * a shared screen is not enough to take the account over. Other sessions stop (session_version),
 * and API tokens are revoked: a changed password means the old one may be known to someone.
 */
export async function changeOwnPassword(db: Database, userId: number, currentPassword: string, newPassword: string, ip?: string | null) {
  const [user] = await db.select({ passwordHash: users.passwordHash, email: users.email, active: users.active }).from(users).where(eq(users.id, userId));
  if (!user?.active) throw new AppError("not_found", "No active user has that id");
  await checkOwnPassword(db, { userId, email: user.email, passwordHash: user.passwordHash, password: currentPassword, ip: ip ?? null });
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      // Only if the password is still the one just verified: a concurrent change wins, this one is refused.
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(and(eq(users.id, userId), eq(users.passwordHash, user.passwordHash)))
      .returning({ sessionVersion: users.sessionVersion });
    if (!row) throw new AppError("conflict", "Your password was changed meanwhile: sign in again");
    await recordAudit(tx, { action: "password_changed", actorId: userId, actorEmail: user.email, ip });
    await revokeAllApiTokensIn(tx, userId, { id: userId, email: user.email }, "password changed", ip);
    return { sessionVersion: row.sessionVersion };
  });
}

/** Records when a token was last used; the condition keeps concurrent calls to one write. */
export async function markTokenUsed(db: Executor, tokenId: number, now: Date) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000)))));
}
