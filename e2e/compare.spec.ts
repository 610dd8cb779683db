import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "@/lib/csv/rfc4180";
import { defaultDashboardYear } from "@/lib/dashboard/series";
import { expectNoSeriousA11yViolations, screenshotBothWidths } from "./screens";
import { ADMIN_STATE } from "./support";
import { visit } from "./year-page";

test.use({ storageState: ADMIN_STATE });

const row = (page: Page, key: string) => page.locator(`tbody tr[data-metric="${key}"]`);
/** How many metrics the comparison lists: 50 seeded, plus any another spec has defined meanwhile. */
const metricCount = async (page: Page) =>
  ((await (await page.request.get("/api/v1/compare?from=2022&to=2023")).json()) as { metrics: unknown[] }).metrics.length;
const cells = async (page: Page, key: string) => (await row(page, key).locator("td, th").allInnerTexts()).map((t) => t.trim());

test.describe("compare", () => {
  test("defaults to the dashboard's year and the reporting year before it", async ({ page }) => {
    // Other specs open and fill years of their own, so the expected pair is worked out from the live list.
    const { years } = (await (await page.request.get("/api/v1/years")).json()) as { years: { year: number; valueCount: number }[] };
    const to = defaultDashboardYear(years)!;
    const from = Math.max(...years.map((y) => y.year).filter((y) => y < to));
    await page.goto("/compare");
    await expect(page.getByRole("heading", { level: 1, name: `Compare ${from} with ${to}` })).toBeVisible();
    await expect(page.getByLabel("From")).toHaveValue(String(from));
    await expect(page.getByLabel("To")).toHaveValue(String(to));
    await expect(page.getByRole("link", { name: "Compare", exact: true })).toHaveAttribute("aria-current", "page");
  });

  test("2022 with 2023: every change computed", async ({ page }, testInfo) => {
    await page.goto("/compare?from=2022&to=2023");
    await expect(page.getByRole("heading", { level: 1, name: "Compare 2022 with 2023" })).toBeVisible();

    const total = await metricCount(page);
    expect(total).toBeGreaterThanOrEqual(50);
    await expect(page.locator("tbody tr")).toHaveCount(total);
    const peacekeepers = await cells(page, "peacekeepers_total");
    expect(peacekeepers[0]).toBe("Our peacekeeping work");
    // "over" is new in 2023: the row says the wording changed.
    expect(peacekeepers[1]).toMatch(/^Total peacekeepers\s+wording changed:\s+exact → over$/);
    expect(peacekeepers.slice(2)).toEqual(["74,892", "over 76,000", "+1,108", "+1.5%"]);
    expect((await cells(page, "contributing_countries"))[1]).toBe("Troop- and police-contributing countries");
    expect((await cells(page, "grave_violations_verified")).slice(2)).toEqual(["27,180", "over 33,000", "+5,820", "+21.4%"]);
    expect((await cells(page, "peace_operations")).slice(2)).toEqual(["12", "11", "−1", "−8.3%"]);
    expect((await cells(page, "contributing_countries")).slice(2)).toEqual(["120", "120", "0", "0.0%"]);
    // No value in 2022: no change and no percentage.
    expect((await cells(page, "peacekeepers_women")).slice(2)).toEqual(["No value", "6,000", "", ""]);
    await expect(row(page, "peacekeepers_total").getByRole("link", { name: "Total peacekeepers" })).toHaveAttribute(
      "href",
      "/years/2023/history/peacekeepers_total",
    );

    await screenshotBothWidths(page, testInfo, "compare-2022-2023");
  });

  test("filters: changed only, missing in either year, large change with an adjustable threshold; sortable columns", async ({ page }) => {
    await visit(page, "/compare?from=2022&to=2023");
    const keys = () => page.locator("tbody tr[data-metric]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-metric")));

    await page.getByLabel("Changed only").check();
    expect((await keys()).sort()).toEqual([
      "grave_violations_settings",
      "grave_violations_verified",
      "peace_operations",
      "peacekeepers_total",
      "un_police_missions",
    ]);
    const total = await metricCount(page);
    await expect(page.getByText(`Showing 5 of ${total} figures`)).toBeVisible();

    await page.getByLabel("Missing in either year").check();
    // Six metrics have a value in both years.
    await expect(page.locator("tbody tr[data-metric]")).toHaveCount(total - 6);

    await page.getByLabel("Large change", { exact: true }).check();
    await expect(page.getByText("No figure matches this filter.")).toBeVisible();
    await page.getByLabel("Large change at (%)").fill("5");
    expect((await keys()).sort()).toEqual(["grave_violations_verified", "peace_operations", "un_police_missions"]);

    // Largest relative change first, then smallest.
    await page.getByLabel("All figures").check();
    const pctHeader = page.getByRole("columnheader", { name: "Change %" });
    await pctHeader.getByRole("button").click();
    await expect(pctHeader).toHaveAttribute("aria-sort", "ascending");
    expect((await keys()).slice(0, 2)).toEqual(["peace_operations", "un_police_missions"]);
    await pctHeader.getByRole("button").click();
    await expect(pctHeader).toHaveAttribute("aria-sort", "descending");
    expect((await keys()).slice(0, 2)).toEqual(["grave_violations_verified", "grave_violations_settings"]);
  });

  test("any two years can be picked; quotes show what was added and removed", async ({ page }) => {
    await visit(page, "/compare?from=2022&to=2023");
    await page.getByLabel("From").selectOption("2023");
    await page.getByLabel("To").selectOption("2022");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await expect(page).toHaveURL(/\/compare\?from=2023&to=2022$/);
    await expect(page.getByRole("heading", { level: 1, name: "Compare 2023 with 2022" })).toBeVisible();
    expect((await cells(page, "peacekeepers_total")).slice(2)).toEqual(["over 76,000", "74,892", "−1,108", "−1.5%"]);
    await expect(page.getByRole("heading", { name: /^Removed since 2023 \(\d+\)$/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Added in 2022/ })).toHaveCount(0);

    await page.goto("/compare?from=2022&to=2023");
    await expect(page.getByRole("heading", { name: /^Added in 2023 \(\d+\)$/ })).toBeVisible();

    await page.goto("/compare?from=1999&to=2023");
    await expect(page.getByRole("alert").filter({ hasText: "reporting year" })).toContainText("There is no reporting year 1999");
  });

  test("the comparison downloads as CSV that parses, with the same changes", async ({ page }) => {
    await page.goto("/compare?from=2022&to=2023");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("compare-2022-2023.csv");
    const parsed = parseCsv(fs.readFileSync(await download.path(), "utf8"));
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...body] = parsed.rows;
    expect(header).toEqual(["section", "metric_key", "label", "unit", "2022", "2023", "delta", "delta_pct", "qualifier_changed"]);
    expect(body).toHaveLength(await metricCount(page));
    expect(body.find((r) => r[1] === "peacekeepers_total")).toEqual([
      "peacekeeping",
      "peacekeepers_total",
      "Total peacekeepers",
      "count",
      "74892",
      "76000",
      "1108",
      "1.5",
      "yes",
    ]);
    expect(body.find((r) => r[1] === "peacekeepers_women")?.slice(4)).toEqual(["", "6000", "", "", "no"]);
  });

  test("GET /api/v1/compare follows the contract: 200, 400 for bad years, 404 for unknown ones, 401 signed out", async ({ page, playwright, baseURL }) => {
    const ok = await page.request.get("/api/v1/compare?from=2022&to=2023");
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(body.metrics.find((m: { metricKey: string }) => m.metricKey === "peacekeepers_total")).toMatchObject({
      metricKey: "peacekeepers_total",
      from: 74892,
      to: 76000,
      delta: 1108,
      deltaPct: 1.5,
      qualifierChanged: true,
    });
    expect(body.metrics.find((m: { metricKey: string }) => m.metricKey === "peacekeepers_women")).toMatchObject({
      from: null,
      to: 6000,
      delta: null,
      deltaPct: null,
    });
    expect(body.quotes).toEqual({ added: expect.any(Array), removed: [], changed: [] });
    expect(body.quotes.added.length).toBeGreaterThan(0);

    for (const query of ["", "?from=2022", "?from=abc&to=2023", "?from=2022&to=2023.5", "?from=2022&to=2023&format=xml"]) {
      const bad = await page.request.get(`/api/v1/compare${query}`);
      expect(bad.status(), query).toBe(400);
      expect(await bad.json()).toMatchObject({ error: { code: "bad_request", message: expect.any(String) } });
    }
    const missing = await page.request.get("/api/v1/compare?from=1999&to=2023");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found", message: "There is no reporting year 1999" } });

    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    expect((await anonymous.get("/api/v1/compare?from=2022&to=2023")).status()).toBe(401);
    await anonymous.dispose();

    const doc = await (await page.request.get("/api/v1/openapi.json")).json();
    expect(doc.paths["/api/v1/compare"].get.parameters.map((p: { name: string }) => p.name)).toEqual(["from", "to", "format"]);
  });

  test("the compare page has no serious accessibility violations", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/compare?from=2022&to=2023");
    await expect(page.getByRole("heading", { level: 1, name: "Compare 2022 with 2023" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    // On a phone the table scrolls sideways: that must work from the keyboard too.
    await page.setViewportSize({ width: 390, height: 900 });
    await expectNoSeriousA11yViolations(page);
  });
});
