import { expect, type Page } from "@playwright/test";
import type { Role } from "@/lib/domain";
import { PEOPLE } from "@/tests/support/fixtures";

export const ADMIN = PEOPLE.admin;

/**
 * Where the first-run set-up keeps each role's signed-in browser state (cookies), after signing
 * them in through the form once; tests take it with `test.use({ storageState: stateOf(role) })`
 * or `browser.newContext({ storageState: stateOf(role) })` instead of signing in again.
 * Nothing may sign these four people out or change their password or role: that ends every
 * session of theirs (decision 012), these states too, for every spec running at the time.
 */
export const stateOf = (role: Role) => `test-results/e2e/${role}-state.json`;
export const ADMIN_STATE = stateOf("admin");

/** Signs in through the login form; `base` is another server's address than the shared one. */
export async function signIn(page: Page, email: string, password: string, base = "") {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectSignedIn(page: Page, name: string) {
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(name);
}
