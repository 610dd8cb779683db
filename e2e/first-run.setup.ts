import { expect, test } from "@playwright/test";
import { ensurePeople, PEOPLE } from "./api";
import { ADMIN, ADMIN_STATE, expectSignedIn, signIn, stateOf } from "./support";

test("first run: every page leads to /setup, which creates the first admin and signs them in", async ({ page }) => {
  await page.goto("/years/2023");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create the first administrator" })).toBeVisible();

  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  // A common password is refused with the reason, before anything is created.
  await page.getByLabel("Password", { exact: true }).fill("password1234");
  await page.getByLabel("Repeat the password").fill("password1234");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByText(/common or breached|too easy to guess/)).toBeVisible();

  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await expect(page.getByText(/Strength: (Strong|Very strong)/)).toBeVisible();
  await page.getByLabel("Repeat the password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create administrator" }).click();

  await expect(page).toHaveURL(/\/$/);
  await expectSignedIn(page, ADMIN.name);
  await page.context().storageState({ path: ADMIN_STATE });
});

// Once for the whole run: the specs take these states instead of signing in themselves (decision 031).
test("the admin adds an editor, a reviewer and a viewer, who each sign in through the form once", async ({ browser, playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, storageState: ADMIN_STATE });
  await ensurePeople(admin, baseURL!);
  await admin.dispose();
  for (const role of ["editor", "reviewer", "viewer"] as const) {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signIn(page, PEOPLE[role].email, PEOPLE[role].password);
    await expect(page).toHaveURL(/\/$/);
    await expectSignedIn(page, PEOPLE[role].name);
    await context.storageState({ path: stateOf(role) });
    await context.close();
  }
});
