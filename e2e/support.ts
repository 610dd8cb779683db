import { expect, type Page } from "@playwright/test";

export const ADMIN = { name: "Ada Admin", email: "admin@example.org", password: "seven orange lanterns drift home" };
export const ADMIN_STATE = "test-results/e2e/admin-state.json";

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
