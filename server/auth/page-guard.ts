import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { countUsers } from "@/db/queries/users";
import type { Actor } from "@/lib/auth/actor";
import { safeReturnPath } from "@/lib/auth/return-path";
import { currentActor } from "@/server/auth/guard";

/**
 * For server pages: the signed-in actor, or a redirect to /setup (no users yet) or /login.
 * Permission checks for a page's actions still happen in the guard of each action.
 */
export async function requirePageActor(returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (actor) return actor;
  if ((await countUsers(await getDb())) === 0) redirect("/setup");
  redirect(`/login?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
}
