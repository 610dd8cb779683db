import { expect, test, type Page } from "@playwright/test";
import { defaultDashboardYear } from "@/lib/dashboard/series";
import { expectNoSeriousA11yViolations, screenshotBothWidths } from "./screens";
import { ADMIN_STATE } from "./support";
import { visit } from "./year-page";

test.use({ storageState: ADMIN_STATE });

const card = (page: Page, key: string) => page.locator(`[data-metric="${key}"]`);

test.describe("dashboard", () => {
  test("opens on the newest year that is at least half as full as the fullest", async ({ page }) => {
    // Other specs open and fill years of their own, so the expected year is worked out from the live list.
    const { years } = (await (await page.request.get("/api/v1/years")).json()) as { years: { year: number; valueCount: number }[] };
    const expected = defaultDashboardYear(years);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: `Dashboard, ${expected}` })).toBeVisible();
    await expect(page.getByLabel("Year", { exact: true })).toHaveValue(String(expected));
  });

  test("shows 2023 with each figure as printed and its change since the last year with a value", async ({ page }, testInfo) => {
    await page.goto("/?year=2023");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard, 2023" })).toBeVisible();
    await expect(page.getByLabel("Year", { exact: true })).toHaveValue("2023");

    const total = card(page, "peacekeepers_total");
    await expect(total).toContainText("Total peacekeepers");
    await expect(total).toContainText("over 76,000");
    await expect(total).toContainText("2022: 74,892");
    await expect(total.locator("[data-tone]")).toHaveText("Change since 2022: +1,108 (+1.5%)");
    await expect(total.locator("[data-tone]")).toHaveAttribute("data-tone", "neutral");

    // Every metric with a 2022 value shows its change; the colour follows the metric's direction.
    const expected: [key: string, change: string, tone: string][] = [
      ["contributing_countries", "0 (0.0%)", "neutral"],
      ["peace_operations", "−1 (−8.3%)", "neutral"],
      ["un_police_missions", "−1 (−6.3%)", "neutral"],
      ["grave_violations_settings", "+1 (+4.0%)", "neutral"],
      // More grave violations against children is bad news.
      ["grave_violations_verified", "+5,820 (+21.4%)", "bad"],
    ];
    for (const [key, change, tone] of expected) {
      const badge = card(page, key).locator("[data-tone]");
      await expect(badge, key).toContainText(change);
      await expect(badge, key).toHaveAttribute("data-tone", tone);
    }
    // pda_countries has no 2022 value: it is compared with 2020, the latest year that has one.
    await expect(card(page, "pda_countries").locator("[data-tone]")).toContainText("+10 (+15.6%)");
    await expect(card(page, "pda_countries").locator("[data-tone]")).toHaveAttribute("data-tone", "good");
    await expect(card(page, "peacekeepers_women")).toContainText("No earlier year to compare with");
    await expect(card(page, "peacekeepers_women").locator("[data-tone]")).toHaveCount(0);

    await expect(card(page, "women_mediation_teams_pct")).toContainText("43%");
    await expect(card(page, "pbf_approved_budget_usd")).toContainText("$203M");

    const completeness = page.getByRole("region", { name: "Completeness of 2023" });
    await expect(completeness.locator('[data-section="peacekeeping"]')).toContainText("5 of 5");
    const edits = page.getByRole("region", { name: "Latest edits" });
    await expect(edits.getByRole("listitem")).toHaveCount(10);
    await expect(edits.getByRole("link").first()).toHaveAttribute("href", /^\/years\/\d{4}\/history\/[a-z0-9_]+$/);

    await screenshotBothWidths(page, testInfo, "dashboard-2023");
  });

  test("the year picker and the section filter are in the address and rendered on the server", async ({ page }) => {
    await visit(page, "/?year=2023");
    await page.getByLabel("Section").selectOption({ label: "Women, peace and security" });
    await expect(page).toHaveURL(/[?&]section=women_peace_security/);
    await expect(card(page, "women_mission_leadership_pct")).toContainText("36%");
    await expect(card(page, "peacekeepers_total")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Completeness of 2023" }).locator("[data-section]")).toHaveCount(1);

    await page.getByLabel("Year", { exact: true }).selectOption("2022");
    await expect(page).toHaveURL(/[?&]year=2022/);
    await expect(page).toHaveURL(/[?&]section=women_peace_security/);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard, 2022" })).toBeVisible();
    await expect(card(page, "women_mission_leadership_pct")).toContainText("No value for 2022");
    // A year's cards tell its story as it stood: the 2023 figure is not in 2022's view.
    await expect(card(page, "women_mission_leadership_pct")).toContainText("First value in 2023");

    // A link to a view opens that view directly.
    await page.goto("/?year=2022&section=peacekeeping");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard, 2022" })).toBeVisible();
    const total = card(page, "peacekeepers_total");
    await expect(total).toContainText("74,892");
    await expect(total).toContainText("No earlier year to compare with");
    await expect(total.getByText(/^Trend /)).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Completeness of 2022" })).toContainText("3 of 5");
    await page.getByRole("region", { name: "Completeness of 2022" }).getByText("2 missing in 2022").click();
    await expect(page.getByRole("region", { name: "Completeness of 2022" })).toContainText("Women peacekeepers");

    await page.goto("/?year=1800");
    await expect(page.getByRole("status").filter({ hasText: /^There is no reporting year “1800”: showing \d{4}\.$/ })).toBeVisible();
  });

  test("charts have a table and a summary in words; missing years are gaps, not zeros", async ({ page }, testInfo) => {
    await page.goto("/?year=2023");
    const chart = page.getByRole("figure", { name: "Total peacekeepers over the years" });
    await expect(chart).toBeVisible();
    // Other specs may add later years: the summary names every value, then every year without one.
    const caption = chart.locator("figcaption");
    await expect(caption).toHaveText(/^Total peacekeepers: 74,892 in 2022, over 76,000 in 2023[,;]/);
    await expect(caption).toHaveText(/; no value in 2018–2021, 2024\b/);
    const valueCount = ((await caption.innerText()).split(";")[0]!.match(/ in \d{4}/g) ?? []).length;
    await chart.getByRole("button", { name: "Bar" }).click();
    await expect(chart.getByRole("button", { name: "Bar" })).toHaveAttribute("aria-pressed", "true");
    // One bar per year with a value: the other years are gaps, not bars of zero.
    await expect
      .poll(() =>
        chart
          .locator(".recharts-bar-rectangle rect, .recharts-bar-rectangle path")
          .evaluateAll((bars) => bars.filter((b) => Number(b.getAttribute("height")) > 0).length),
      )
      .toBe(valueCount);

    await chart.getByRole("button", { name: "Show as table" }).click();
    const table = chart.getByRole("table");
    await expect(table.getByRole("row", { name: /^2022/ })).toContainText("74,892");
    await expect(table.getByRole("row", { name: /^2023/ })).toContainText("over 76,000");
    await expect(table.getByRole("row", { name: /^2021/ })).toContainText("No value");

    // The figures are grouped by their section, in the report's order.
    const groups = chart.getByLabel("Figure").locator("optgroup");
    await expect(groups).toHaveCount(7);
    await expect(groups.first()).toHaveAttribute("label", "Our peacekeeping work");
    await expect(chart.locator('optgroup[label="Peacebuilding support"] option').first()).toHaveText("Peacebuilding Fund approved budget");
    await chart.getByLabel("Figure").selectOption({ label: "Peacebuilding Fund approved budget" });
    await expect(page.getByRole("figure", { name: "Peacebuilding Fund approved budget over the years" }).getByRole("row", { name: /^2019/ })).toContainText(
      "$191.3M",
    );
    await expect(page).toHaveURL(/[?&]metric=pbf_approved_budget_usd/);

    const women = page.getByRole("figure", { name: "Women's participation (per cent)" });
    await expect(women.locator("figcaption")).toContainText("Women among staff in mediation teams: 43% in 2023");
    await women.getByRole("button", { name: "Show as table" }).click();
    await expect(women.getByRole("columnheader")).toHaveCount(5);

    const pbf = page.getByRole("figure", { name: "Peacebuilding Fund: approved budget and donor commitments" });
    await expect(pbf.locator("figcaption")).toContainText("Peacebuilding Fund donor commitments: $134.8M in 2019, $180.3M in 2020, $132M in 2023");
    await pbf.scrollIntoViewIfNeeded();
    await screenshotBothWidths(page, testInfo, "dashboard-charts-as-tables");
  });

  // axe walks every node of a long page: on a busy two-core machine that takes a while.
  test("the dashboard has no serious accessibility violations", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/?year=2023");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard, 2023" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("the year page has no serious accessibility violations", async ({ page }, testInfo) => {
    test.setTimeout(90_000);
    await page.goto("/years/2023");
    await expect(page.getByRole("heading", { level: 1, name: /2023 figures/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshotBothWidths(page, testInfo, "year-2023");
  });
});
