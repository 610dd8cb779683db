import "server-only";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/domain";
import { hashPassword } from "@/lib/auth/password-hash";
import { generateToken } from "@/lib/auth/tokens";
import { apiTokens, users } from "../schema";
import type { Database, Executor } from "../client";
import { recordAudit } from "./audit";

export type NewUser = { email: string; name: string; role: Role; password: string };
type Actor = { id: number; email: string } | null;

async function insertUser(db: Executor, input: NewUser, actor: Actor, ip?: string | null) {
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

export async function createUser(db: Database, input: NewUser, actor: Actor, ip?: string | null) {
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

export async function createApiToken(db: Database, userId: number, name: string) {
  const { token, hash, prefix } = generateToken();
  return db.transaction(async (tx) => {
    const [owner] = await tx.select({ email: users.email, active: users.active }).from(users).where(eq(users.id, userId));
    if (!owner?.active) throw new AppError("not_found", "No active user has that id");
    const [row] = await tx.insert(apiTokens).values({ userId, name, tokenHash: hash, prefix }).returning({ id: apiTokens.id });
    await recordAudit(tx, { action: "token_created", actorId: userId, actorEmail: owner.email, detail: { tokenId: row?.id, name } });
    return { id: row!.id, token, prefix };
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
