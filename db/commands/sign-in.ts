import "server-only";
import { and, desc, eq, gt, lt, lte } from "drizzle-orm";
import type { Role } from "@/lib/domain";
import { verifyPassword } from "@/lib/auth/password-hash";
import { AppError } from "@/lib/errors";
import { signInAttempts } from "../schema";
import type { Database } from "../client";
import { findUserForSignIn } from "../queries/users";
import { recordAudit } from "./audit";

/** After this many failures within the window, the email (or address) is refused for the window. */
export const THROTTLE = { window: 15 * 60 * 1000, maxPerEmail: 10, maxPerIp: 100 } as const;
/** How long sign-in attempts are kept for the throttle. */
export const ATTEMPTS_KEPT_MS = 24 * 60 * 60 * 1000;

export type SignInResult =
  | { ok: true; user: { id: number; email: string; name: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: "invalid"; message: string }
  | { ok: false; reason: "throttled"; limit: "account" | "address"; message: string };

const INVALID = "The email or password is not right.";

/**
 * Counts live in the database, not in memory, so the rule holds across app instances.
 * A refused attempt is not counted again: the lock-out ends 15 minutes after the last failure.
 */
export async function signInWithPassword(
  db: Database,
  input: { email: string; password: string; ip: string | null },
  now: Date = new Date(),
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  // Counted apart, so each refusal can say which limit it is: an address that failed on many
  // accounts is not this account's fault, and an account's owner should know it is under attack.
  const [emailUntil, ipUntil] = await Promise.all([
    lockedUntil(db, signInAttempts.email, email, THROTTLE.maxPerEmail, now),
    input.ip === null ? null : lockedUntil(db, signInAttempts.ip, input.ip, THROTTLE.maxPerIp, now),
  ]);

  const user = await findUserForSignIn(db, email);
  // Always compare a hash, even for an unknown email or a refused attempt: timing says nothing.
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);

  const limit = refusal(emailUntil, ipUntil, now);
  if (limit) {
    await recordAudit(db, {
      action: "sign_in_refused",
      actorId: user?.id,
      actorEmail: email,
      ip: input.ip,
      detail: { minutes: limit.minutes, limit: limit.kind },
    });
    return { ok: false, reason: "throttled", limit: limit.kind, message: limit.message };
  }

  const success = Boolean(user && user.active && passwordOk);
  await db.transaction(async (tx) => {
    // The throttle looks back two windows; a day of attempts is plenty, and the audit log keeps
    // every sign-in for good. Pruned here so the table cannot grow without bound.
    await tx.delete(signInAttempts).where(lt(signInAttempts.at, new Date(now.getTime() - ATTEMPTS_KEPT_MS)));
    await tx.insert(signInAttempts).values({ email, ip: input.ip, success, at: now });
    await recordAudit(tx, {
      action: success ? "sign_in" : "sign_in_failed",
      actorId: user?.id ?? null,
      actorEmail: email,
      ip: input.ip,
      detail: success ? undefined : { reason: !user ? "unknown email" : !user.active ? "deactivated" : "wrong password" },
    });
  });
  if (!success || !user) return { ok: false, reason: "invalid", message: INVALID };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}

function refusal(emailUntil: number | null, ipUntil: number | null, now: Date) {
  const minutesTo = (until: number) => Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
  const plural = (n: number) => `${n} more minute${n === 1 ? "" : "s"}`;
  if (emailUntil !== null && emailUntil > now.getTime()) {
    const minutes = minutesTo(emailUntil);
    return {
      kind: "account" as const,
      minutes,
      message: `Too many failed sign-ins to this account. It is locked for ${plural(minutes)}; if those were not yours, tell an administrator.`,
    };
  }
  if (ipUntil !== null && ipUntil > now.getTime()) {
    const minutes = minutesTo(ipUntil);
    return {
      kind: "address" as const,
      minutes,
      message: `Too many failed sign-ins from your network address. Sign-ins from it are paused for ${plural(minutes)}; your account itself is not locked.`,
    };
  }
  return null;
}

/**
 * The current password asked for by /account is a password check like the sign-in form's:
 * refused while the email is locked out, and a wrong one counts towards that lock-out and is
 * audited. Without this, an open session would allow unlimited guesses at the password.
 */
export async function checkOwnPassword(
  db: Database,
  input: { userId: number; email: string; passwordHash: string; password: string; ip: string | null },
  now: Date = new Date(),
): Promise<void> {
  const until = await lockedUntil(db, signInAttempts.email, input.email, THROTTLE.maxPerEmail, now);
  if (until !== null && until > now.getTime()) {
    const minutes = Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
    throw new AppError("too_many_requests", `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
      currentPassword: "Too many wrong passwords: try again later",
    });
  }
  if (await verifyPassword(input.passwordHash, input.password)) return;
  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ email: input.email, ip: input.ip, success: false, at: now });
    await recordAudit(tx, { action: "password_change_failed", actorId: input.userId, actorEmail: input.email, ip: input.ip });
  });
  throw new AppError("validation", "The current password is not right", { currentPassword: "This is not your current password" });
}

/**
 * When `limit` failures (since the last success) fall within one window, the key is refused
 * until a window after the latest of them. Returns that time, or null when not refused.
 */
async function lockedUntil(db: Database, column: typeof signInAttempts.email | typeof signInAttempts.ip, key: string, limit: number, now: Date) {
  const since = new Date(now.getTime() - 2 * THROTTLE.window);
  const recent = await db
    .select({ at: signInAttempts.at, success: signInAttempts.success })
    .from(signInAttempts)
    .where(and(eq(column, key), gt(signInAttempts.at, since), lte(signInAttempts.at, now)))
    .orderBy(desc(signInAttempts.at))
    .limit(limit);
  const successAt = recent.findIndex((r) => r.success);
  const failures = successAt === -1 ? recent : recent.slice(0, successAt);
  if (failures.length < limit) return null;
  const newest = failures[0]!.at.getTime();
  const oldest = failures[failures.length - 1]!.at.getTime();
  return newest - oldest <= THROTTLE.window ? newest + THROTTLE.window : null;
}
