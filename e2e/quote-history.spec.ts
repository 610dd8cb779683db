import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { sameOrigin } from "./api";
import { expectNoSeriousA11yViolations } from "./screens";
import { apiAs, ensureYear, pageAs, visit } from "./year-page";

// Writes only in 2066; reads the locked 2023 edition and compares 2022 with 2023.
const YEAR = 2066;
const SCREENS = "test-results/screens";

async function shot(page: Page, name: string) {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/${name}.png` });
}

const historyButton = (page: Page, speaker: string) => page.getByRole("button", { name: `History of the quote by ${speaker}` });
const drawerOf = (page: Page, speaker: string) => page.getByRole("dialog", { name: `History: the quote by ${speaker}` });

test.describe("a quote's history", () => {
  // A speaker of this run alone, so a re-run on the same server finds this run's quote.
  const speaker = `Hana Historian ${Date.now()}`;
  let id = 0;

  // Written through the API, so the revisions' order, reasons and changes are known exactly.
  test.beforeAll(async ({ playwright, baseURL }) => {
    const api = await apiAs(playwright, baseURL!, "editor");
    await ensureYear(api, baseURL!, YEAR);
    const write = async (method: "post" | "put", path: string, data: Record<string, unknown>) => {
      const response = await api[method](path, { data, headers: sameOrigin(baseURL!) });
      expect(response.ok(), await response.text()).toBe(true);
      return (await response.json()) as { id: number; version: number };
    };
    const base = { speaker, title: "Envoy", section: "peacekeeping", text: "Peace is built." };
    ({ id } = await write("post", `/api/v1/years/${YEAR}/quotes`, { ...base, reason: "From the opening speech" }));
    await write("put", `/api/v1/quotes/${id}`, { ...base, text: "Peace is built every day.", version: 1, reason: "Checked against the transcript" });
    await write("put", `/api/v1/quotes/${id}`, {
      ...base,
      text: "Peace is built every day.",
      title: "Special Envoy",
      section: "peacebuilding",
      version: 2,
      reason: "Promoted in March",
    });
    await api.dispose();
  });

  test("an editor sees the revisions newest first, with who, the reasons and a was/now of each changed field", async ({ browser }) => {
    // The editable year page is the heaviest there is: ~14 s alone here, past 20 s on a busy machine.
    test.setTimeout(60_000);
    const editor = await pageAs(browser, "editor");
    await visit(editor, `/years/${YEAR}`);
    await expect(editor.locator(`li[data-quote-id="${id}"]`).getByRole("button", { name: `Edit the quote by ${speaker}` })).toBeVisible();
    await historyButton(editor, speaker).click();
    const drawer = drawerOf(editor, speaker);
    const revisions = drawer.getByTestId("quote-revision");
    await expect(revisions).toHaveCount(3);

    const [newest, middle, oldest] = [revisions.nth(0), revisions.nth(1), revisions.nth(2)];
    await expect(newest).toContainText("Changed · version 3");
    await expect(newest).toContainText("Edith Editor");
    await expect(newest).toContainText("Reason: Promoted in March");
    await expect(newest.locator("[data-changed]")).toHaveCount(2);
    await expect(newest.locator('[data-changed="title"] del')).toHaveText("Envoy");
    await expect(newest.locator('[data-changed="title"] ins')).toHaveText("Special Envoy");
    await expect(newest.locator('[data-changed="section"] del')).toHaveText("Our peacekeeping work");
    await expect(newest.locator('[data-changed="section"] ins')).toHaveText("Peacebuilding support");

    await expect(middle).toContainText("Changed · version 2");
    await expect(middle).toContainText("Reason: Checked against the transcript");
    await expect(middle.locator("[data-changed]")).toHaveCount(1);
    await expect(middle.locator('[data-changed="text"] del')).toHaveText("Peace is built.");
    await expect(middle.locator('[data-changed="text"] ins')).toHaveText("Peace is built every day.");

    await expect(oldest).toContainText("Added · version 1");
    await expect(oldest).toContainText("Reason: From the opening speech");
    await expect(oldest).toContainText("“Peace is built.”");
    await shot(editor, "quote-history-1400");
    await editor.setViewportSize({ width: 390, height: 900 });
    await shot(editor, "quote-history-390");

    // Escape closes the drawer and gives focus back to the button that opened it.
    await editor.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(historyButton(editor, speaker)).toBeFocused();
  });

  test("a viewer's read-only page has the same history and no editing controls", async ({ browser }) => {
    // axe over the whole year page takes a while on a busy machine.
    test.setTimeout(90_000);
    const viewer = await pageAs(browser, "viewer");
    await visit(viewer, `/years/${YEAR}`);
    await expect(viewer.locator(`li#quote-${id}`)).toBeVisible();
    await expect(viewer.getByRole("button", { name: `Edit the quote by ${speaker}` })).toHaveCount(0);
    await historyButton(viewer, speaker).click();
    const seen = drawerOf(viewer, speaker).getByTestId("quote-revision");
    await expect(seen).toHaveCount(3);
    await expect(seen.first()).toContainText("Changed · version 3");
    await expect(seen.last()).toContainText("Added · version 1");
    await expectNoSeriousA11yViolations(viewer);
  });

  test("a viewer reads the history of a quote of the locked 2023 edition", async ({ browser }) => {
    const viewer = await pageAs(browser, "viewer");
    await visit(viewer, "/years/2023");
    const first = viewer.locator('li[id^="quote-"]').first();
    const speaker = (await first.locator("figcaption .font-semibold").innerText()).trim();
    await first.getByRole("button", { name: `History of the quote by ${speaker}` }).click();
    const oldest = drawerOf(viewer, speaker).getByTestId("quote-revision").last();
    await expect(oldest).toContainText("Added · version 1");
    await expect(oldest).toContainText("2023 edition (seed)");
    await expect(oldest).toContainText("Reason: seed: the published report");
  });
});

test.describe("compare on a phone", () => {
  test("at 390 px both years sit beside the figure's name, which stays put while the table scrolls", async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await pageAs(browser, "viewer");
    await visit(page, "/compare?from=2022&to=2023");
    const table = page.getByRole("region", { name: "Figures of 2022 and 2023" });
    await table.scrollIntoViewIfNeeded();
    await shot(page, "compare-phone-1400");

    await page.setViewportSize({ width: 390, height: 900 });
    await table.scrollIntoViewIfNeeded();
    for (const year of ["2022", "2023"]) {
      const box = await table.getByRole("columnheader", { name: year, exact: true }).boundingBox();
      expect(box, year).not.toBeNull();
      expect(box!.x, year).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, year).toBeLessThanOrEqual(390);
    }
    await shot(page, "compare-phone-390");
    // The table scrolls inside its own region; the page itself never does sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);

    // Sideways to the change columns: the names stay where they were.
    const name = table.getByRole("rowheader", { name: /^Total peacekeepers/ });
    const before = (await name.boundingBox())!.x;
    const scrolled = await table.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
      return el.scrollLeft;
    });
    expect(scrolled).toBeGreaterThan(0);
    await expect(table.getByRole("columnheader", { name: "Change %", exact: true })).toBeInViewport();
    expect((await name.boundingBox())!.x).toBe(before);
    await shot(page, "compare-phone-390-scrolled");
  });
});
