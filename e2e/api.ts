import { expect, type APIRequestContext } from "@playwright/test";
import type { Role } from "@/lib/domain";
import { ADMIN } from "./support";

/**
 * API helpers for tests that need people of every role. They go through the app's own doors:
 * the next-auth sign-in endpoint and the admin's users API.
 */
export const PEOPLE: Record<Role, { name: string; email: string; password: string }> = {
  admin: ADMIN,
  editor: { name: "Edith Editor", email: "editor@example.org", password: "violet harbour carries seven kites" },
  reviewer: { name: "Rui Reviewer", email: "reviewer@example.org", password: "granite meadow whistles under rain" },
  viewer: { name: "Vera Viewer", email: "viewer@example.org", password: "amber falcon sketches quiet hills" },
};

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

/** Creates editor, reviewer and viewer (once per server) through the admin's session. */
export async function ensurePeople(request: APIRequestContext, baseURL: string) {
  await apiSignIn(request, ADMIN.email, ADMIN.password);
  for (const role of ["editor", "reviewer", "viewer"] as const) {
    const person = PEOPLE[role];
    const response = await request.post("/api/v1/users", { data: { ...person, role }, headers: sameOrigin(baseURL) });
    expect([201, 409], await response.text()).toContain(response.status());
  }
}

/** A fresh API token for a person, created through their own session. */
export async function tokenFor(playwright: { request: { newContext: (o: { baseURL: string }) => Promise<APIRequestContext> } }, baseURL: string, role: Role) {
  const context = await playwright.request.newContext({ baseURL });
  await apiSignIn(context, PEOPLE[role].email, PEOPLE[role].password);
  const response = await context.post("/api/v1/me/tokens", { data: { name: `e2e ${role}` }, headers: sameOrigin(baseURL) });
  expect(response.status()).toBe(201);
  const { token } = (await response.json()) as { token: string };
  await context.dispose();
  return token;
}
