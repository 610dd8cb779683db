/**
 * How long a browser session lasts (decision 012). Idle: each visit re-issues the cookie for
 * another SESSION_IDLE_SECONDS. Absolute: however busy, a session ends SESSION_ABSOLUTE_SECONDS
 * after its sign-in, counted from the `authTime` claim set once at sign-in and never renewed.
 */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

/** A session token's claims as far as lifetime is concerned; tokens from before `authTime` existed have none. */
export function withinAbsoluteLifetime(token: { authTime?: unknown }, now: Date = new Date()): boolean {
  if (typeof token.authTime !== "number" || !Number.isFinite(token.authTime)) return false;
  const age = now.getTime() / 1000 - token.authTime;
  // A little leeway for clocks of several app servers; none for a claim from the future.
  return age >= -60 && age < SESSION_ABSOLUTE_SECONDS;
}
