import "server-only";
import { and, asc, count, eq, gt, isNull, or } from "drizzle-orm";
import type { Role } from "@/lib/domain";
import { apiTokens, users } from "../schema";
import type { Executor } from "../client";

export type UserSummary = { id: number; email: string; name: string; role: Role; active: boolean; createdAt: Date };

const summary = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  createdAt: users.createdAt,
};

export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function findUserForSignIn(db: Executor, email: string) {
  const [row] = await db
    .select({ ...summary, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

/** The user behind a session, with what the guard compares against the JWT. */
export async function findSessionUser(db: Executor, id: number) {
  const [row] = await db
    .select({ ...summary, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

/** The active user owning an unrevoked, unexpired token with this hash. */
export async function findUserByTokenHash(db: Executor, tokenHash: string, now: Date = new Date()) {
  const [row] = await db
    .select({ ...summary, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        eq(users.active, true),
      ),
    );
  return row ?? null;
}

export async function listUsers(db: Executor): Promise<UserSummary[]> {
  return db.select(summary).from(users).orderBy(asc(users.name), asc(users.id));
}

export async function listApiTokens(db: Executor, userId: number) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(asc(apiTokens.id));
}
