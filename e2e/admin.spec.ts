import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { personOf } from "@/tests/support/fixtures";
import { apiSignIn, createPerson, PEOPLE, sameOrigin } from "./api";
import { pageAs, visit } from "./year-page";
import { ADMIN, ADMIN_STATE, signIn } from "./support";

// This spec writes only in 2060–2069 and changes only people it creates itself.
const stamp = Date.now().toString(36);
const NEW_PASSWORD = "quartz lagoon hums beneath cedars";
const RESET_PASSWORD = "saffron tunnel echoes nine violins";

async function adminApi(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string) {
  return playwright.request.newContext({ baseURL, storageState: ADMIN_STATE, extraHTTPHeaders: sameOrigin(baseURL) });
}

/** A person of this spec's own, through the admin's API. */
async function newPerson(api: APIRequestContext, baseURL: string, role: "editor" | "viewer", label: string) {
  return (await createPerson(api, baseURL, personOf(role, `E2E ${label} ${stamp}`)))!;
}

/** Screenshots at desktop and phone width; on a phone nothing may stick out sideways. */
async function shoot(page: Page, name: string) {
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/admin-${name}-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width} px is wider than the screen`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

test.describe("as the admin", () => {
  test.use({ storageState: ADMIN_STATE });
  // Each of these walks a whole story, with several argon2 hashes and sign-ins.
  test.describe.configure({ timeout: 90_000 });

  test("an admin creates a metric, sees it in a newly opened 2060, cannot change its key or (with values) its unit, and archives it", async ({
    page,
    baseURL,
  }) => {
    const key = `e2e_shelters_${stamp}`;
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Metrics" }).click();
    await expect(page.getByRole("heading", { name: "Metric definitions" })).toBeVisible();
    await shoot(page, "metrics");
    await page.getByRole("link", { name: "New metric" }).click();

    await page.getByLabel("Key").fill("Bad Key");
    await page.getByLabel("Label").fill("Shelters built");
    await page.getByLabel("Section").selectOption("peacebuilding");
    await page.getByLabel("Unit").selectOption("km2");
    await page.getByLabel("Down is good news").check();
    await page.getByLabel("Minimum").fill("10");
    await page.getByLabel("Maximum").fill("1");
    await page.getByRole("button", { name: "Create metric" }).click();
    await expect(page.getByText(/Key must start with a lowercase letter/)).toBeVisible();
    await expect(page.getByText("Maximum must be at least the minimum")).toBeVisible();
    await shoot(page, "metric-new");

    await page.getByLabel("Key").fill(key);
    await page.getByLabel("Maximum").fill("5000");
    await page.getByRole("button", { name: "Create metric" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/metrics/${key}\\?created=1$`));
    await expect(page.getByRole("status").filter({ hasText: "Metric created" })).toBeVisible();

    // The API sees it too, and refuses the same key again.
    const listed = await (await page.request.get("/api/v1/metrics")).json();
    expect(listed.metrics).toContainEqual(
      expect.objectContaining({ key, label: "Shelters built", section: "peacebuilding", unit: "km2", direction: "down", min: 10, max: 5000, archived: false }),
    );
    const duplicate = await page.request.post("/api/v1/metrics", {
      data: { key, label: "Again", section: "peacebuilding", unit: "count", direction: "up" },
      headers: sameOrigin(baseURL!),
    });
    expect(duplicate.status()).toBe(409);
    const invalid = await page.request.post("/api/v1/metrics", {
      data: { key: "x-y", label: "", section: "peacebuilding", unit: "miles", direction: "up" },
      headers: sameOrigin(baseURL!),
    });
    expect(invalid.status()).toBe(422);
    expect((await invalid.json()).error.fields).toMatchObject({ key: expect.any(String), label: expect.any(String), unit: expect.any(String) });

    const opened = await page.request.post("/api/v1/years", { data: { year: 2060 }, headers: sameOrigin(baseURL!) });
    expect([201, 409]).toContain(opened.status());
    await page.goto("/years/2060");
    await expect(page.locator(`[data-metric="${key}"]`)).toContainText("Shelters built");

    // With a value in 2060 the unit is fixed; the key never changes.
    const saved = await page.request.put(`/api/v1/years/2060/values/${key}`, { data: { value: 120, version: 0 }, headers: sameOrigin(baseURL!) });
    expect(saved.status(), await saved.text()).toBe(200);
    const unit = await page.request.put(`/api/v1/metrics/${key}`, { data: { unit: "percent" }, headers: sameOrigin(baseURL!) });
    expect(unit.status()).toBe(422);
    expect((await unit.json()).error.fields.unit).toContain("2060");
    const rename = await page.request.put(`/api/v1/metrics/${key}`, { data: { key: "renamed_metric" }, headers: sameOrigin(baseURL!) });
    expect(rename.status()).toBe(422);

    await visit(page, `/admin/metrics/${key}`);
    await expect(page.getByText("Fixed: values exist in 2060")).toBeVisible();
    await page.getByLabel("Label").fill("Shelters built (km²)");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    await shoot(page, "metric-edit");

    // Archived: it stays in 2060, which has its value, and is left out of other years.
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByRole("button", { name: "Unarchive" })).toBeVisible();
    await page.goto("/years/2060");
    await expect(page.locator(`[data-metric="${key}"]`)).toContainText("Shelters built (km²)");
    await page.goto("/years/2023");
    await expect(page.locator(`[data-metric="${key}"]`)).toHaveCount(0);
    const audit = await (await page.request.get(`/api/v1/audit?metric=${key}`)).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["metric_created", "metric_updated", "value_saved"]));
  });

  test("an admin adds a person, changes the role, resets the password and deactivates them: their session and token stop at once", async ({
    page,
    browser,
    playwright,
    baseURL,
  }) => {
    const email = `e2e-leaver-${stamp}@example.org`;
    const password = "harbour lamps blink over tin roofs";
    await visit(page, "/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
    await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
    await page.getByRole("link", { name: "Add a person" }).click();
    await page.getByLabel("Name").fill("Lee Leaver");
    // A refused field says why to a screen reader too: the message is the field's description.
    await page.getByRole("button", { name: "Add person" }).click();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Email is required");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel(/^editor/).check();
    await page.getByLabel("Password").fill(password);
    await expect(page.getByText(/Strength: (Strong|Very strong)/)).toBeVisible();
    await shoot(page, "user-new");
    await page.getByRole("button", { name: "Add person" }).click();
    await expect(page).toHaveURL(/\/admin\/users\/\d+\?created=1$/);
    await expect(page.getByRole("status").filter({ hasText: "Lee Leaver was added as editor" })).toBeVisible();
    const userPage = page.url().replace(/\?.*$/, "");

    // Lee signs in in another browser and makes a token.
    // A context of its own, without the admin's cookies that this describe's pages carry.
    const lee = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const leePage = await lee.newPage();
    await signIn(leePage, email, password);
    await expect(leePage).toHaveURL(/\/$/);
    const made = await leePage.request.post("/api/v1/me/tokens", { data: { name: "lee script" }, headers: sameOrigin(baseURL!) });
    expect(made.status()).toBe(201);
    const { token } = (await made.json()) as { token: string };
    const tokenApi = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    expect((await tokenApi.get("/api/v1/years")).status()).toBe(200);

    // A role change ends Lee's session: the next navigation lands on /login.
    await page.getByRole("combobox", { name: "Role" }).selectOption("reviewer");
    await page.getByRole("button", { name: "Change role" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Role changed to reviewer" })).toBeVisible();
    await visit(leePage, "/years");
    await expect(leePage).toHaveURL(/\/login/);

    // A reset password replaces the old one.
    await page.getByLabel("New password", { exact: true }).fill(RESET_PASSWORD);
    await page.getByLabel("Repeat the new password").fill(RESET_PASSWORD);
    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Password reset" })).toBeVisible();
    await signIn(leePage, email, password);
    await expect(leePage.getByRole("alert").filter({ hasText: "The email or password is not right." })).toBeVisible();
    await signIn(leePage, email, RESET_PASSWORD);
    await expect(leePage).toHaveURL(/\/$/);
    await expect(leePage.getByRole("banner")).toContainText("reviewer");
    await shoot(page, "user-detail");

    // Deactivation: Lee's open session and token stop at once.
    await page.getByRole("button", { name: "Deactivate" }).click();
    await page.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Lee Leaver is deactivated" })).toBeVisible();
    await leePage.goto("/years");
    await expect(leePage).toHaveURL(/\/login/);
    const refused = await tokenApi.get("/api/v1/years");
    expect(refused.status()).toBe(401);
    await signIn(leePage, email, RESET_PASSWORD);
    await expect(leePage.getByRole("alert").filter({ hasText: "The email or password is not right." })).toBeVisible();
    await expect(leePage).toHaveURL(/\/login/);

    await page.goto("/admin/users");
    await expect(page.locator(`[data-user="${email}"]`)).toContainText("Deactivated");
    await shoot(page, "users");
    const audit = await (await page.request.get("/api/v1/audit?action=user_deactivated")).json();
    expect(audit.entries[0]).toMatchObject({ actorEmail: ADMIN.email, detail: { email } });
    for (const action of ["user_role_changed", "user_password_reset"]) {
      expect((await (await page.request.get(`/api/v1/audit?action=${action}`)).json()).entries[0].detail.email).toBe(email);
    }

    // Reactivated, Lee can sign in again.
    await visit(page, userPage);
    await page.getByRole("button", { name: "Reactivate" }).click();
    await expect(page.getByRole("status").filter({ hasText: "active again" })).toBeVisible();
    await signIn(leePage, email, RESET_PASSWORD);
    await expect(leePage).toHaveURL(/\/$/);
    await tokenApi.dispose();
    await lee.close();
  });

  test("an admin cannot demote or deactivate themselves", async ({ page, baseURL }) => {
    const users = (await (await page.request.get("/api/v1/users")).json()).users as { id: number; email: string }[];
    const me = users.find((u) => u.email === ADMIN.email)!;
    await page.goto(`/admin/users/${me.id}`);
    await expect(page.getByText("You cannot deactivate yourself.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Deactivate" })).toHaveCount(0);
    const demote = await page.request.patch(`/api/v1/users/${me.id}`, { data: { role: "viewer" }, headers: sameOrigin(baseURL!) });
    expect(demote.status()).toBe(403);
    const deactivate = await page.request.patch(`/api/v1/users/${me.id}`, { data: { active: false }, headers: sameOrigin(baseURL!) });
    expect(deactivate.status()).toBe(403);
    expect((await (await page.request.get("/api/v1/users")).json()).users).toContainEqual(
      expect.objectContaining({ email: ADMIN.email, role: "admin", active: true }),
    );
  });
});

test("a person changes their own password and creates, uses and revokes an API token", async ({ page, playwright, baseURL }) => {
  test.setTimeout(60_000);
  const admin = await adminApi(playwright, baseURL!);
  const person = await newPerson(admin, baseURL!, "viewer", "self");
  await admin.dispose();

  await signIn(page, person.email, person.password);
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  await page.getByLabel("Current password").fill("this is not my password");
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This is not your current password")).toBeVisible();

  await page.getByLabel("Current password").fill(person.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
  // Still signed in here, with the new password.
  await visit(page, "/years");
  await expect(page).toHaveURL(/\/years$/);
  await visit(page, "/account");

  await page.getByLabel("Token name").fill("e2e nightly");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("status").filter({ hasText: "shown only this once" })).toBeVisible();
  const token = await page.getByLabel("New API token").inputValue();
  expect(token).toMatch(/^rd_/);
  await expect(page.locator('[data-token="e2e nightly"]')).toContainText("never");
  await shoot(page, "account");

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  expect((await api.get("/api/v1/years")).status()).toBe(200);
  await page.reload();
  await expect(page.locator('[data-token="e2e nightly"]')).not.toContainText("never");

  await page.getByRole("button", { name: "Revoke e2e nightly" }).click();
  await expect(page.locator('[data-token="e2e nightly"]')).toHaveCount(0);
  expect((await api.get("/api/v1/years")).status()).toBe(401);
  await api.dispose();
});

test("a reviewer reads the audit log with a filter, on the page and through the API", async ({ browser }) => {
  const page = await pageAs(browser, "reviewer");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" })).toHaveCount(0);

  await page.getByLabel("Person").selectOption({ label: `${PEOPLE.reviewer.name} (${PEOPLE.reviewer.email})` });
  await page.getByLabel("Action").selectOption({ label: "Signed in" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/audit\?person=\d+&year=&metric=&action=sign_in$/);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toContainText(PEOPLE.reviewer.name);
  await expect(page.locator('tbody tr:not([data-audit-action="sign_in"])')).toHaveCount(0);
  await shoot(page, "audit");

  const api = await page.request.get("/api/v1/audit?action=sign_in");
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { entries: { action: string }[]; older: number | null; newer: number | null };
  expect(body.entries.length).toBeGreaterThan(0);
  expect(body.entries.length).toBeLessThanOrEqual(50);
  expect(body.entries.every((e) => e.action === "sign_in")).toBe(true);
  expect(body.newer).toBeNull();
  expect((await page.request.get("/api/v1/audit?action=nonsense")).status()).toBe(400);
  const doc = await (await page.request.get("/api/v1/openapi.json")).json();
  expect(doc.paths["/api/v1/audit"].get.description).toBe("Roles: admin, reviewer.");
  expect(Object.keys(doc.paths["/api/v1/metrics"])).toEqual(["get", "post"]);
  expect(doc.paths["/api/v1/metrics/{key}"].put).toBeDefined();
  expect(doc.paths["/api/v1/users/{id}"].patch).toBeDefined();
});

test("the audit log pages 50 at a time with Older and Newer links that keep the filter", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(60_000);
  const admin = await adminApi(playwright, baseURL!);
  const person = await newPerson(admin, baseURL!, "viewer", "pager");
  await admin.dispose();
  // 51 token_created entries by one person: one more than a page.
  const own = await playwright.request.newContext({ baseURL, extraHTTPHeaders: sameOrigin(baseURL!) });
  await apiSignIn(own, person.email, person.password);
  for (let i = 0; i < 51; i++) expect((await own.post("/api/v1/me/tokens", { data: { name: `pager ${i}` } })).status()).toBe(201);
  await own.dispose();

  const page = await pageAs(browser, "reviewer");
  await page.goto(`/audit?person=${person.id}&action=token_created`);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("pager 50");
  await expect(page.getByRole("link", { name: "← Newer" })).toHaveCount(0);
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(new RegExp(`person=${person.id}&action=token_created&before=\\d+$`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("pager 0");
  await expect(page.getByRole("link", { name: "Older →" })).toHaveCount(0);
  await page.getByRole("link", { name: "← Newer" }).click();
  await expect(page).toHaveURL(/after=\d+$/);
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("pager 50");
  await expect(page.getByRole("link", { name: "← Newer" })).toHaveCount(0);
});

for (const role of ["viewer", "editor"] as const) {
  test(`a ${role} is refused the audit log and the admin pages, on the page and through the API`, async ({ browser, baseURL }) => {
    const page = await pageAs(browser, role);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of ["Audit log", "People", "Metrics"]) await expect(nav.getByRole("link", { name })).toHaveCount(0);
    for (const path of [
      "/audit",
      "/admin/users",
      "/admin/users/new",
      "/admin/users/1",
      "/admin/metrics",
      "/admin/metrics/new",
      "/admin/metrics/peacekeepers_total",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You are not allowed to see this page" }), path).toBeVisible();
      await expect(page.getByText(`Your role is ${role}`)).toBeVisible();
    }
    if (role === "viewer") await shoot(page, "not-allowed");
    const headers = sameOrigin(baseURL!);
    expect((await page.request.get("/api/v1/audit")).status()).toBe(403);
    expect((await page.request.get("/api/v1/users")).status()).toBe(403);
    expect(
      (
        await page.request.post("/api/v1/metrics", { data: { key: "sneaky", label: "S", section: "peacebuilding", unit: "count", direction: "up" }, headers })
      ).status(),
    ).toBe(403);
    expect((await page.request.put("/api/v1/metrics/peacekeepers_total", { data: { label: "Hijacked" }, headers })).status()).toBe(403);
    expect((await page.request.patch("/api/v1/users/1", { data: { active: false }, headers })).status()).toBe(403);
    const metrics = (await (await page.request.get("/api/v1/metrics")).json()).metrics as { key: string; label: string }[];
    expect(metrics.find((m) => m.key === "sneaky")).toBeUndefined();
    expect(metrics.find((m) => m.key === "peacekeepers_total")?.label).not.toBe("Hijacked");
  });
}

test("the new pages have no serious accessibility problems", async ({ browser }) => {
  // axe takes a few seconds a page on a busy machine.
  test.setTimeout(120_000);
  const context = await browser.newContext({ storageState: ADMIN_STATE });
  const page = await context.newPage();
  for (const path of ["/admin/metrics", "/admin/metrics/new", "/admin/metrics/peacekeepers_total", "/admin/users", "/admin/users/new", "/account", "/audit"]) {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${path}: ${v.id} ${JSON.stringify(v.nodes[0]?.target)}`)).toEqual([]);
  }
  await context.close();
});
