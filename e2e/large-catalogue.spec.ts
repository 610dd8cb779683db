import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { personOf } from "@/tests/support/fixtures";
import { signIn } from "./support";
import { visit } from "./year-page";
import { freePort, health, startApp, waitFor, type AppServer } from "./support/processes";

/**
 * Past 120 figures pages show part of them at a time (decision 010). This needs a catalogue
 * the shared e2e database must not have, so the spec runs its own server on its own database.
 */
const EXTRA = 150; // + the report's 50 = 200 figures, about 29 a section
const EDITOR = personOf("editor", "Cato Editor");

test.describe("a catalogue of 200 figures", () => {
  test.describe.configure({ mode: "serial", timeout: 120_000 });
  let app: AppServer;
  let dataDir: string;

  test.beforeAll(async () => {
    // A hook does not take the describe's timeout: preparing the database and starting a server
    // take well over the default 30 s on a busy 2-core machine.
    test.setTimeout(180_000);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rd-large-"));
    const prepared = spawnSync(
      "npx",
      ["tsx", "--conditions=react-server", "scripts/e2e/prepare-large-catalogue.ts", String(EXTRA), EDITOR.email, EDITOR.password],
      {
        encoding: "utf8",
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
        timeout: 120_000,
      },
    );
    expect(prepared.status, prepared.stderr).toBe(0);
    app = startApp(await freePort(), { DATA_DIR: dataDir });
    await waitFor(async () => ((await health(app.url)).status === 200 ? true : undefined), 60_000, "the embedded app");
  });

  // This server is not the shared one Playwright's baseURL points at.
  const signInHere = async (page: Page) => {
    await signIn(page, EDITOR.email, EDITOR.password, app.url);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  };

  test.afterAll(async () => {
    await app?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("the dashboard shows 8 cards a section and links to the rest", async ({ page }) => {
    await signInHere(page);
    await page.goto(`${app.url}/?year=2023`);
    const section = page.getByRole("region", { name: "Our peacekeeping work" });
    await expect(section.locator("[data-metric]")).toHaveCount(8);
    const link = section.getByRole("link", { name: /^All \d+ figures of Our peacekeeping work$/ });
    const total = Number((await link.textContent())!.match(/All (\d+)/)![1]);
    expect(total).toBeGreaterThan(8);
    await link.click();
    await expect(page).toHaveURL(/section=peacekeeping/);
    await expect(page.locator("[data-metric]")).toHaveCount(total);
  });

  test("the year page shows one section at a time, and a value saved there stays", async ({ page }) => {
    await signInHere(page);
    // 2022, not the shipped 2023 edition: that one is signed off, read-only.
    await page.goto(`${app.url}/years/2022`);
    const sections = page.getByRole("navigation", { name: /Sections/ });
    await expect(sections.getByRole("link", { name: /Our peacekeeping work/ })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { level: 2, name: "Rule of law and security institutions" })).toHaveCount(0);

    // An address naming no such section shows the first one, as the year's own address does.
    await page.goto(`${app.url}/years/2022?section=no_such_section`);
    await expect(sections.getByRole("link", { name: /Our peacekeeping work/ })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { level: 2, name: "Our peacekeeping work" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Rule of law and security institutions" })).toHaveCount(0);

    await sections.getByRole("link", { name: /Rule of law and security institutions/ }).click();
    await expect(page).toHaveURL(/section=rule_of_law/);
    await expect(page.getByRole("heading", { level: 2, name: "Rule of law and security institutions" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Our peacekeeping work" })).toHaveCount(0);

    const row = page.getByRole("group", { name: /^Extra figure \d+$/ }).first();
    const label = (await row.getAttribute("aria-label"))!;
    await row.getByLabel(`${label}, value`, { exact: true }).fill("4,321");
    await row.getByLabel(`${label}, value`, { exact: true }).press("Enter");
    await expect(row.getByTestId("save-status")).toContainText("Saved ✓");
    await page.reload();
    await expect(page.getByLabel(`${label}, value`, { exact: true })).toHaveValue("4,321");
  });

  test("a page of one section lists that section's quotes, and says where a quote put under another went", async ({ page }) => {
    await signInHere(page);
    await page.goto(`${app.url}/years/2022?section=peacekeeping`);
    const quotes = page.getByRole("region", { name: "Quotes" });
    await expect(quotes.getByTestId("quotes-shown")).toHaveText(
      /^Under Our peacekeeping work: 0 of the year’s \d+ quotes?; the others are listed with their sections\.$/,
    );
    await expect(quotes.getByText("No quotes under this section yet.")).toBeVisible();

    // A new quote starts under the section shown; put under another, it is listed there, and the notice says so.
    await quotes.getByRole("button", { name: "Add a quote" }).click();
    const form = quotes.getByRole("form", { name: "New quote" });
    await expect(form.getByLabel("Section")).toHaveValue("peacekeeping");
    await form.getByLabel("Speaker").fill("Ines Rule");
    await form.getByLabel("Section").selectOption("rule_of_law");
    await form.getByLabel("Text").fill("Justice holds the peace together.");
    await form.getByRole("button", { name: "Add quote" }).click();
    await expect(quotes.getByRole("status")).toHaveText(
      "Added a quote by Ines Rule, under Rule of law and security institutions: it is listed with that section",
    );
    await expect(quotes.locator("blockquote")).toHaveCount(0);

    await page.goto(`${app.url}/years/2022?section=rule_of_law`);
    const ruleOfLaw = page.getByRole("region", { name: "Quotes" });
    await expect(ruleOfLaw.locator("blockquote", { hasText: "Justice holds the peace together." })).toBeVisible();
    await expect(ruleOfLaw.getByTestId("quotes-shown")).toHaveText(/^Under Rule of law and security institutions: 1 of the year’s \d+ quotes?;/);
  });

  test("the comparison draws 100 rows until asked for all, then moves focus to the first new one", async ({ page }) => {
    await signInHere(page);
    await visit(page, `${app.url}/compare?from=2022&to=2023`);
    await expect(page.getByText("Showing the first 100 of 200 figures")).toBeVisible();
    await expect(page.locator("tbody tr[data-metric]")).toHaveCount(100);
    await page.getByRole("button", { name: "Show all 200 figures" }).click();
    await expect(page.locator("tbody tr[data-metric]")).toHaveCount(200);
    await expect(page.getByText("Showing 200 of 200 figures")).toBeVisible();
    await expect(page.locator("tbody tr[data-metric]").nth(100).getByRole("link")).toBeFocused();
  });
});
