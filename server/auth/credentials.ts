import "server-only";
import type { User } from "next-auth";
import { getDb } from "@/db/client";
import { signInWithPassword } from "@/db/commands/sign-in";
import { isDatabaseUnavailable } from "@/lib/errors";
import { findInputProblem } from "@/lib/validation/input-scan";
import { signInSchema } from "@/lib/validation/user";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";

export const SIGN_IN_UNAVAILABLE = "The database cannot be reached right now, so nobody can sign in; try again shortly.";
const SIGN_IN_FAILED = "Signing in failed on the server; it has been logged. Try again shortly.";

/**
 * The credentials provider's check. next-auth shows a thrown message on the sign-in form to
 * anyone, so only messages written for people get there: never a failed query or an address.
 */
export async function authorizeCredentials(credentials: Record<string, unknown> | undefined, requestHeaders: Headers): Promise<User> {
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success || findInputProblem(parsed.data)) throw new Error("Enter your email and password.");
  let result: Awaited<ReturnType<typeof signInWithPassword>>;
  try {
    result = await signInWithPassword(await getDb(), { ...parsed.data, ip: clientIpFromHeaders(requestHeaders) });
  } catch (error) {
    console.error("[auth] sign-in failed:", error);
    throw new Error(isDatabaseUnavailable(error) ? SIGN_IN_UNAVAILABLE : SIGN_IN_FAILED);
  }
  if (!result.ok) throw new Error(result.message);
  const { id, email, name, role, sessionVersion } = result.user;
  return { id: String(id), email, name, role, sessionVersion };
}
