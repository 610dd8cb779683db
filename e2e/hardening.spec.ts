import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { personOf } from "@/tests/support/fixtures";
import { apiSignIn, createPerson, sameOrigin } from "./api";
import { clientsFor, disposeAll, ensureYear, ok, type Caller } from "./api-clients";
import { expectNoSeriousA11yViolations } from "./screens";
import { ADMIN, ADMIN_STATE, signIn as submitSignIn, stateOf } from "./support";
import { visit } from "./year-page";

/**
 * Issue 11 end to end: the edges a security review found, each through the doors a person or
 * an attacker uses. Writes only to 2061–2069 and to people of its own.
 */
const PASSWORD = "quiet lantern maps the northern ridge";
const NEW_PASSWORD = "seven copper herons fold the tide";

let clients: Record<Caller, APIRequestContext>;

/** Signs in through the form and waits until it has. */
async function signIn(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** A person of this spec's own, created through the admin's API. */
async function person(baseURL: string, tag: string) {
  return (await createPerson(clients.admin, baseURL, personOf("editor", `Harden ${tag} ${Date.now()}`, PASSWORD)))!;
}

async function signedInContext(
  playwright: {
    request: { newContext: (o: { baseURL: string; storageState?: Awaited<ReturnType<APIRequestContext["storageState"]>> }) => Promise<APIRequestContext> };
  },
  baseURL: string,
  email: string,
  password = PASSWORD,
) {
  const api = await playwright.request.newContext({ baseURL });
  await apiSignIn(api, email, password);
  return api;
}

test.describe("hardening (issue 11)", () => {
  test.beforeAll(async ({ baseURL, playwright }) => {
    clients = await clientsFor(playwright, baseURL!);
  });
  test.afterAll(() => disposeAll(clients));

  const REDIRECTS: [string, string][] = [
    ["a tab after the slash", "/\t/evil.example/pwned"],
    ["a newline after the slash", "/\n/evil.example/pwned"],
    ["CR and LF", "/\r\n/evil.example/pwned"],
    ["a backslash", "/\\evil.example/pwned"],
    ["two slashes", "//evil.example/pwned"],
    ["an absolute URL", "https://evil.example/pwned"],
    ["an encoded slash pair, encoded once more", "%2F%2Fevil.example"],
    ["an encoded tab, encoded once more", "/%09/evil.example"],
  ];

  test("sign-in returns only to a path of this site, for every trick in the table", async ({ browser, baseURL }) => {
    test.slow();
    const origin = new URL(baseURL!).origin;
    for (const [name, callbackUrl] of REDIRECTS) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await visit(page, `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel("Email").fill(ADMIN.email);
      await page.getByLabel("Password").fill(ADMIN.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("button", { name: "Sign out" }), name).toBeVisible();
      expect(new URL(page.url()).origin, name).toBe(origin);
      expect(new URL(page.url()).pathname, name).toBe("/");
      await context.close();
    }
    // The same form still returns to a page of the site.
    const context = await browser.newContext();
    const page = await context.newPage();
    await visit(page, `/login?callbackUrl=${encodeURIComponent("/years/2023?section=peacekeeping")}`);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/years\/2023\?section=peacekeeping$/);
    await context.close();
  });

  test("a signed-in visit to /login redirects only to a path of this site, never a 500", async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL, storageState: ADMIN_STATE });
    for (const [name, callbackUrl] of REDIRECTS) {
      const response = await admin.get(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
      expect(response.status(), name).toBe(307);
      expect(response.headers().location, name).toBe("/");
    }
    const fine = await admin.get(`/login?callbackUrl=${encodeURIComponent("/years/2023")}`, { maxRedirects: 0 });
    expect(fine.headers().location).toBe("/years/2023");
    await admin.dispose();
  });

  test("next-auth's own endpoint, posted to directly, also returns only to this site", async ({ playwright, baseURL }) => {
    for (const [name, callbackUrl] of REDIRECTS) {
      const api = await playwright.request.newContext({ baseURL });
      const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await api.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: ADMIN.email, password: ADMIN.password, callbackUrl, json: "true" },
        maxRedirects: 0,
      });
      expect(response.status(), name).toBeLessThan(500);
      const { url } = (await response.json()) as { url: string };
      expect(new URL(url).pathname, name).toBe("/");
      expect(new URL(url).hostname, name).not.toContain("evil");
      await api.dispose();
    }
  });

  test("a copied session cookie stops working after sign-out, a password change and deactivation", async ({ playwright, baseURL }) => {
    const replay = async (state: Awaited<ReturnType<APIRequestContext["storageState"]>>) => {
      const copy = await playwright.request.newContext({ baseURL, storageState: state });
      const status = (await copy.get("/api/v1/years")).status();
      // The session endpoint must not hand an ended session a fresh cookie.
      const session = await (await copy.get("/api/auth/session")).json();
      const reissued = (await copy.storageState()).cookies.some((c) => c.name.includes("session-token") && c.value !== "");
      await copy.dispose();
      return { status, session, reissued };
    };

    const leaving = await person(baseURL!, "signout");
    const api = await signedInContext(playwright, baseURL!, leaving.email);
    const stolen = await api.storageState();
    expect((await replay(stolen)).status).toBe(200);
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await api.post("/api/auth/signout", { form: { csrfToken, json: "true" }, maxRedirects: 0 });
    expect(await replay(stolen)).toEqual({ status: 401, session: {}, reissued: false });
    await api.dispose();

    const changing = await person(baseURL!, "password");
    const before = await (await signedInContext(playwright, baseURL!, changing.email)).storageState();
    await ok(clients.admin.patch(`/api/v1/users/${changing.id}`, { data: { password: NEW_PASSWORD } }));
    expect((await replay(before)).status).toBe(401);

    const leaver = await person(baseURL!, "deactivated");
    const active = await (await signedInContext(playwright, baseURL!, leaver.email)).storageState();
    await ok(clients.admin.patch(`/api/v1/users/${leaver.id}`, { data: { active: false } }));
    expect((await replay(active)).status).toBe(401);
  });

  test("changing one's own password on /account ends a copy of the session elsewhere", async ({ browser, playwright, baseURL }) => {
    const owner = await person(baseURL!, "ownpassword");
    const elsewhere = await (await signedInContext(playwright, baseURL!, owner.email)).storageState();
    const page = await (await browser.newContext()).newPage();
    await signIn(page, owner.email, PASSWORD);
    await visit(page, "/account");
    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Password changed.")).toBeVisible();
    const copy = await playwright.request.newContext({ baseURL, storageState: elsewhere });
    expect((await copy.get("/api/v1/years")).status()).toBe(401);
    await copy.dispose();
    await page.context().close();
  });

  test("forged X-Forwarded-For and X-Forwarded-Host are not believed without TRUSTED_PROXY", async ({ browser, playwright, baseURL }) => {
    const forger = await person(baseURL!, "forger");
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.99", "X-Real-IP": "203.0.113.98" } });
    await apiSignIn(api, forger.email, PASSWORD);
    // A cookie write from a foreign origin is refused even when the forwarded host agrees with it.
    const forged = await api.post("/api/v1/years", { data: { year: 2061 }, headers: { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" } });
    expect(forged.status()).toBe(403);
    await api.dispose();
    // The audit log records the sign-in without the address the client claimed.
    const context = await browser.newContext({ storageState: ADMIN_STATE });
    const audit = await context.newPage();
    await audit.goto("/audit?action=sign_in");
    await expect(audit.getByRole("table").getByText("Harden forger").first()).toBeVisible();
    await expect(audit.getByText(/203\.0\.113\.9[89]/)).toHaveCount(0);
    await context.close();
  });

  test("API tokens expire, say when, and can all be revoked from /account", async ({ browser, playwright, baseURL }) => {
    const owner = await person(baseURL!, "tokens");
    const api = await signedInContext(playwright, baseURL!, owner.email);
    const created = await ok<{ token: string; expiresAt: string | null }>(
      api.post("/api/v1/me/tokens", { data: { name: "default expiry" }, headers: sameOrigin(baseURL!) }),
    );
    const days = (Date.parse(created.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    const never = await ok<{ token: string; expiresAt: string | null }>(
      api.post("/api/v1/me/tokens", { data: { name: "forever", expiresInDays: null }, headers: sameOrigin(baseURL!) }),
    );
    expect(never.expiresAt).toBeNull();
    const listed = await ok<{ tokens: { name: string; expiresAt: string | null; expired: boolean }[] }>(api.get("/api/v1/me/tokens"));
    expect(listed.tokens).toEqual([
      expect.objectContaining({ name: "default expiry", expiresAt: created.expiresAt, expired: false }),
      expect.objectContaining({ name: "forever", expiresAt: null }),
    ]);

    const page = await (await browser.newContext()).newPage();
    await signIn(page, owner.email, PASSWORD);
    await visit(page, "/account");
    await page.getByLabel("Token name").fill("made on the page");
    await page.getByLabel("Expires after").selectOption({ label: "30 days" });
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByRole("status")).toContainText("it expires");
    await expect(page.locator('[data-token="forever"]')).toContainText("never expires");
    await expect(page.locator('[data-token="made on the page"]')).toContainText(String(new Date(Date.now() + 30 * 86_400_000).getUTCFullYear()));
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Revoke all tokens" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke all your API tokens?" });
    await dialog.getByRole("button", { name: "Revoke all" }).click();
    await expect(page.getByRole("status")).toContainText("3 tokens revoked");
    await expect(page.getByText("You have no active API tokens.")).toBeVisible();
    for (const token of [created.token, never.token]) {
      const bearer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
      expect((await bearer.get("/api/v1/years")).status()).toBe(401);
      await bearer.dispose();
    }
    await page.context().close();
    await api.dispose();
  });

  test("deactivation revokes a person's tokens for good", async ({ playwright, baseURL }) => {
    const leaver = await person(baseURL!, "tokenleaver");
    const api = await signedInContext(playwright, baseURL!, leaver.email);
    const { token } = await ok<{ token: string }>(api.post("/api/v1/me/tokens", { data: { name: "script" }, headers: sameOrigin(baseURL!) }));
    await ok(clients.admin.patch(`/api/v1/users/${leaver.id}`, { data: { active: false } }));
    await ok(clients.admin.patch(`/api/v1/users/${leaver.id}`, { data: { active: true } }));
    const bearer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
    expect((await bearer.get("/api/v1/years")).status()).toBe(401);
    await bearer.dispose();
    await api.dispose();
  });

  test("pages answer 403 for a role that may not see them and 404 for unknown years and metrics", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: stateOf("viewer") })).newPage();
    for (const path of ["/admin/users", "/admin/metrics", "/audit"]) {
      expect((await page.goto(path))?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You are not allowed to see this page" })).toBeVisible();
    }
    await expectNoSeriousA11yViolations(page);
    for (const path of ["/years/2099", "/years/0x7e7", "/years/2023/history/no_such_metric", "/years/2023/snapshots/987654"]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
    }
    await page.context().close();
  });

  test("contract 1.1: empty history, snapshots without a body, unknown metric keys", async () => {
    const editor = clients.editor;
    await ensureYear(editor, 2064);
    const history = await editor.get("/api/v1/years/2064/values/pbc_countries_regions/history");
    expect(history.status()).toBe(200);
    expect(await history.json()).toMatchObject({ revisions: [] });
    expect((await editor.get("/api/v1/years/2064/values/pbc_countries_regions/history?limit=10")).status()).toBe(200);
    expect((await editor.get("/api/v1/years/2064/values/no_such_metric/history")).status()).toBe(404);
    expect((await editor.get("/api/v1/years/2099/values/pbc_countries_regions/history")).status()).toBe(404);
    expect((await editor.put("/api/v1/years/2064/values/no_such_metric", { data: { value: 1 } })).status()).toBe(404);
    expect((await clients.admin.put("/api/v1/metrics/no_such_metric", { data: { label: "X" } })).status()).toBe(404);
    for (const send of [
      () => editor.post("/api/v1/years/2064/snapshots"),
      () => editor.post("/api/v1/years/2064/snapshots", { data: {} }),
      () => editor.post("/api/v1/years/2064/snapshots", { data: { reason: "A checkpoint" } }),
    ]) {
      const response = await send();
      expect(response.status(), await response.text()).toBe(201);
    }
  });

  test("a locked year's export keeps the label its metric had when it was locked", async () => {
    const admin = clients.admin;
    const key = `harden_locked_${Date.now().toString(36)}`;
    await ok(admin.post("/api/v1/metrics", { data: { key, label: "Label at the lock", section: "peacekeeping", unit: "count", direction: "up" } }));
    await ensureYear(admin, 2063);
    await ok(admin.put(`/api/v1/years/2063/values/${key}`, { data: { value: 7 } }));
    await ok(admin.post("/api/v1/years/2063/lock"));
    await ok(admin.put(`/api/v1/metrics/${key}`, { data: { label: "Renamed later" } }));
    const csv = await (await admin.get("/api/v1/years/2063/export?format=csv")).text();
    expect(csv).toContain("Label at the lock");
    expect(csv).not.toContain("Renamed later");
    const json = await ok<{ content: { values: { metricKey: string; label: string }[] } }>(admin.get("/api/v1/years/2063/export?format=json"));
    expect(json.content.values.find((v) => v.metricKey === key)?.label).toBe("Label at the lock");
    // Out of every other year's way again: archived, and without a value elsewhere it is not shown.
    await ok(admin.put(`/api/v1/metrics/${key}`, { data: { archived: true } }));
  });
});

/** The action id and router state a real form post carries, captured from the browser. */
async function captureAction(browser: Browser) {
  const context = await browser.newContext({ storageState: ADMIN_STATE });
  const page = await context.newPage();
  await visit(page, "/account");
  const posted = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByLabel("Token name").fill("captured");
  await page.getByRole("button", { name: "Create token" }).click();
  const request = await posted;
  const headers = request.headers();
  return {
    context,
    page,
    url: request.url(),
    headers: {
      "Next-Action": headers["next-action"]!,
      "Next-Router-State-Tree": headers["next-router-state-tree"] ?? "",
      "Content-Type": "text/plain;charset=UTF-8",
    },
  };
}

test.describe("server actions through a direct POST", () => {
  test("NUL, a foreign origin, a 25 MB body and deep nesting are refused with 4xx, never 500", async ({ browser, baseURL }) => {
    const { context, page, url, headers } = await captureAction(browser);
    const post = (body: string | Buffer, extra: Record<string, string> = {}) =>
      page.request.post(url, { headers: { ...headers, Origin: new URL(baseURL!).origin, ...extra }, data: body });

    const nul = await post(JSON.stringify([{ body: { name: "nul\u0000name", expiresInDays: 90 } }]));
    expect(nul.status()).toBe(200);
    const text = await nul.text();
    expect(text).toContain('"code":"validation"');
    expect(text).toMatch(/"fieldErrors":\{"name":"[^"]*NUL/);

    expect((await post("[{}]", { Origin: "https://evil.example" })).status()).toBe(403);
    expect((await post(Buffer.alloc(25 * 1024 * 1024, "a"))).status()).toBe(413);
    expect((await post("[".repeat(100_000) + "]".repeat(100_000))).status()).toBe(400);
    const tokens = await ok<{ tokens: { name: string }[] }>(page.request.get("/api/v1/me/tokens"));
    expect(tokens.tokens.map((t) => t.name)).not.toContain("nul\u0000name");
    await context.close();
  });
});

test.describe("HTTP methods and headers", () => {
  test("API answers carry their own security headers, not the pages' proxy ones; no HSTS over plain http", async ({ request }) => {
    for (const path of ["/api/health", "/api/v1/openapi.json", "/api/v1/years", "/api/v1/no-such-thing", "/api/auth/csrf"]) {
      const headers = (await request.get(path)).headers();
      expect(headers["content-security-policy"], path).toContain("default-src 'none'");
      expect(headers["content-security-policy"], path).not.toContain("nonce-");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["strict-transport-security"], path).toBeUndefined();
    }
  });

  test("TRACE and other unsupported methods get 405 on pages and API routes", async ({ request }) => {
    for (const path of ["/login", "/", "/api/v1/years", "/api/health"]) {
      for (const method of ["TRACE", "PROPFIND"]) {
        const response = await request.fetch(path, { method });
        expect(response.status(), `${method} ${path}`).toBe(405);
      }
    }
  });
});
