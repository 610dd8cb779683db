import { expect, type APIRequestContext } from "@playwright/test";
import type { Role } from "@/lib/domain";
import { PEOPLE, type Person } from "@/tests/support/fixtures";
import { stateOf } from "./support";

export { PEOPLE };

/**
 * API helpers for tests that need people of every role. They go through the app's own doors:
 * the next-auth sign-in endpoint and the admin's users API.
 */

/** Signs the request context in through next-auth's credentials endpoint (cookies stay in the context). */
export async function apiSignIn(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.email, `sign-in of ${email}`).toBe(email);
}

/** Headers a same-origin browser write carries; cookie-authenticated writes without them are refused. */
export const sameOrigin = (baseURL: string) => ({ Origin: baseURL });

/** Creates a person through the admin's users API (`admin` is a request context signed in as an admin); 201, or 409 when they exist. */
export async function createPerson(admin: APIRequestContext, baseURL: string, person: Person, { exists = "refuse" }: { exists?: "refuse" | "keep" } = {}) {
  const response = await admin.post("/api/v1/users", { data: person, headers: sameOrigin(baseURL) });
  expect(exists === "keep" ? [201, 409] : [201], await response.text()).toContain(response.status());
  return response.status() === 201 ? { ...person, id: ((await response.json()) as { id: number }).id } : undefined;
}

/** Creates editor, reviewer and viewer (once per server) through the admin's session. */
export async function ensurePeople(admin: APIRequestContext, baseURL: string) {
  for (const role of ["editor", "reviewer", "viewer"] as const) await createPerson(admin, baseURL, PEOPLE[role], { exists: "keep" });
}

type Playwright = { request: { newContext: (o: { baseURL: string; storageState?: string }) => Promise<APIRequestContext> } };

/** A request context with `role`'s session cookie, as their browser has it (from the first-run set-up). */
export function signedInAs(playwright: Playwright, baseURL: string, role: Role) {
  return playwright.request.newContext({ baseURL, storageState: stateOf(role) });
}

/** A fresh API token for a person, created through their own session. */
export async function tokenFor(playwright: Playwright, baseURL: string, role: Role) {
  const context = await signedInAs(playwright, baseURL, role);
  const response = await context.post("/api/v1/me/tokens", { data: { name: `e2e ${role}` }, headers: sameOrigin(baseURL) });
  expect(response.status()).toBe(201);
  const { token } = (await response.json()) as { token: string };
  await context.dispose();
  return token;
}
