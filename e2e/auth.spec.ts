import { expect, test } from "@playwright/test";
import { personOf } from "@/tests/support/fixtures";
import { createPerson, signedInAs } from "./api";
import { ADMIN, ADMIN_STATE, expectSignedIn, signIn } from "./support";

test.describe("signed out", () => {
  test("/setup is gone once an admin exists", async ({ page }) => {
    const response = await page.goto("/setup");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  });

  test("a wrong password shows an error and gives no session", async ({ page, request }) => {
    await signIn(page, ADMIN.email, "this is not the password");
    await expect(page.getByRole("alert").filter({ hasText: "The email or password is not right." })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name.includes("session-token"))).toBeUndefined();
    await page.goto("/years/2023");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fyears%2F2023/);
    expect((await request.get("/api/v1/years")).status()).toBe(401);
  });

  test("API calls without a session or token get 401 with the contract's error body", async ({ request }) => {
    for (const path of ["/api/v1/metrics", "/api/v1/years", "/api/v1/years/2023/values", "/api/v1/years/2023/quotes"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized", message: expect.any(String) } });
    }
    const bogus = await request.get("/api/v1/years", { headers: { Authorization: "Bearer rd_not-a-real-token" } });
    expect(bogus.status()).toBe(401);
  });

  test("health and the OpenAPI document need no sign-in; unknown API routes are JSON 404s", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", database: "pglite" });
    const doc = await (await request.get("/api/v1/openapi.json")).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/years/{year}/values", "/api/v1/metrics"]));
    const unknown = await request.get("/api/v1/nothing-here");
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "not_found" } });
  });

  // A person of its own: signing out ends every session of that person (decision 012), so signing
  // out one of the four whose states the other specs use would sign them out mid-test.
  test("sign in, then sign out ends the session", async ({ page, playwright, baseURL }) => {
    const admin = await signedInAs(playwright, baseURL!, "admin");
    const leaver = personOf("viewer", `Sol Signout ${Date.now().toString(36)}`);
    await createPerson(admin, baseURL!, leaver);
    await admin.dispose();
    await signIn(page, leaver.email, leaver.password);
    await expect(page).toHaveURL(/\/$/);
    await expectSignedIn(page, leaver.name);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/years/2023");
    await expect(page).toHaveURL(/\/login/);
  });

  test("security headers are set", async ({ request }) => {
    const response = await request.get("/login");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
    // Plain http here: HSTS would pin a host to https it may not serve (it is set over https).
    expect(headers["strict-transport-security"]).toBeUndefined();
  });
});

test.describe("signed in", () => {
  test.use({ storageState: ADMIN_STATE });

  test("the 2023 page shows every figure by section, formatted, with sources and quotes", async ({ page }) => {
    await page.goto("/years/2023");
    await expect(page.getByRole("heading", { name: /2023 figures/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Our peacekeeping work" })).toBeVisible();
    const peacekeepers = page.locator('[data-metric="peacekeepers_total"]');
    await expect(peacekeepers).toContainText("Total peacekeepers");
    await expect(peacekeepers).toContainText("over 76,000");
    await expect(peacekeepers).toContainText("Source:");
    await expect(page.locator('[data-metric="women_mediation_teams_pct"]')).toContainText("43%");
    await expect(page.locator('[data-metric="pbf_approved_budget_usd"]')).toContainText("$203M");
    await expect(page.locator("[data-metric]")).toHaveCount(50);
    const quote = page.getByRole("figure").filter({ hasText: "Rosemary A. DiCarlo" });
    await expect(quote).toContainText("We must learn to navigate the present turmoil.");
    await expect(quote).toContainText("Under-Secretary-General for Political and Peacebuilding Affairs");
  });

  test("the session reads the API with the user's role", async ({ page }) => {
    await page.goto("/");
    const response = await page.request.get("/api/v1/years/2023/values");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.values).toHaveLength(50);
    expect(body.values.find((v: { metricKey: string }) => v.metricKey === "peacekeepers_total")).toMatchObject({
      value: 76000,
      qualifier: "over",
      version: 1,
    });
    const bad = await page.request.get("/api/v1/years/20x3/values");
    expect(bad.status()).toBe(400);
  });
});
