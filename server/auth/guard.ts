import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { getDb, type Executor } from "@/db/client";
import { markTokenUsed } from "@/db/commands/users";
import { findSessionUser, findUserByTokenHash } from "@/db/queries/users";
import type { Actor } from "@/lib/auth/actor";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { can, type Permission } from "@/lib/auth/permissions";
import { withinAbsoluteLifetime } from "@/lib/auth/session-lifetime";
import { hashToken } from "@/lib/auth/tokens";

const TOKEN_USE_RESOLUTION_MS = 60_000;
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * Who is calling: an `Authorization: Bearer` API token, else the next-auth session cookie.
 * Either way the user is read from the database on every call, so a deactivated user, a
 * revoked token or a changed role takes effect at once, not when the JWT expires.
 */
export async function resolveActor(requestHeaders: Headers): Promise<Actor | null> {
  const authorization = requestHeaders.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    return match?.[1] ? actorFromToken(await getDb(), match[1]) : null;
  }
  return sessionActor();
}

export async function actorFromToken(db: Executor, token: string, now: Date = new Date()): Promise<Actor | null> {
  const user = await findUserByTokenHash(db, hashToken(token), now);
  if (!user) return null;
  // "Last used" to the minute is enough to spot a forgotten token; a write per call would not be cheap.
  if (!user.lastUsedAt || now.getTime() - user.lastUsedAt.getTime() >= TOKEN_USE_RESOLUTION_MS) await markTokenUsed(db, user.tokenId, now);
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "token" };
}

/** One decode and one user read per request, however many components ask. */
const sessionActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return null;
  let token: Awaited<ReturnType<typeof decode>>;
  try {
    token = await decode({ token: raw, secret: getEnv().authSecret });
  } catch {
    return null;
  }
  const user = token ? await sessionUser(await getDb(), token) : null;
  return user ? { id: user.id, email: user.email, name: user.name, role: user.role, via: "session" } : null;
});

/**
 * The user a session token stands for, or null when the session has ended: past its absolute
 * lifetime, signed out, or revoked by a password, role or active change (session version).
 * next-auth's jwt callback asks the same, so GET /api/auth/session stops re-issuing it too.
 */
export async function sessionUser(db: Executor, token: { uid?: unknown; sv?: unknown; authTime?: unknown }, now: Date = new Date()) {
  if (typeof token.uid !== "number" || !withinAbsoluteLifetime(token, now)) return null;
  const user = await findSessionUser(db, token.uid);
  if (!user || !user.active || user.sessionVersion !== token.sv) return null;
  return user;
}

/** For server components and server actions. */
export async function currentActor(): Promise<Actor | null> {
  return resolveActor(await headers());
}

/** Throws 401 without a caller and 403 when the caller's role lacks the permission. */
export function authorize(actor: Actor | null, permission: Permission): Actor {
  if (!actor) throw new AppError("unauthorized", "Sign in or send an API token to do this");
  if (!can(actor.role, permission)) throw new AppError("forbidden", `Your role (${actor.role}) may not do this`);
  return actor;
}
