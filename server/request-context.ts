import "server-only";
import { getDb, type Database } from "@/db/client";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import type { Actor } from "@/lib/auth/actor";

/**
 * What every route handler and server action works with. `ip` is null unless TRUSTED_PROXY lets
 * a proxy of ours say it (lib/auth/client-ip.ts); `actor` is null only for the public actions.
 */
export type RequestContext<A = Actor> = { db: Database; actor: A; ip: string | null };

/**
 * Built once per request, by both transports, and the caller comes first: `caller` answers
 * 401/403 (it throws) before the database is asked for anything on the input's behalf or the
 * input is looked at, so an anonymous caller learns nothing about what a valid request is.
 */
export async function requestContext<A>(headers: Headers, caller: () => Promise<A>, opts: { openDatabase?: boolean } = {}): Promise<RequestContext<A>> {
  const actor = await caller();
  // Only the health check opts out: it opens the database itself, to report how that went.
  const db = opts.openDatabase === false ? (undefined as unknown as Database) : await getDb();
  return { db, actor, ip: clientIpFromHeaders(headers) };
}
