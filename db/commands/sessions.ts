import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { users } from "../schema";
import type { Executor } from "../client";
import { recordAudit } from "./audit";

/**
 * Sign-out ends the session on the server: the user's session version moves on, so a copy of
 * the cookie (and every other session of the same person) stops working at once. Only a
 * session that was still valid counts: replaying an old cookie's sign-out changes nothing.
 */
export async function endSessions(db: Executor, userId: number, sessionVersion: number, ip?: string | null): Promise<boolean> {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion)))
    .returning({ email: users.email });
  if (!row) return false;
  await recordAudit(db, { action: "sign_out", actorId: userId, actorEmail: row.email, ip });
  return true;
}
