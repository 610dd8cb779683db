import fs from "node:fs";
import { expect, test, type Browser, type Page, type Route } from "@playwright/test";
import { sameOrigin } from "./api";
import { expectNoSeriousA11yViolations, screenshotBothWidths } from "./screens";
import { apiAs, apiValue, ensureYear, pageAs, rowOf, visit } from "./year-page";

// Writes only in 2034 (typing), 2035 (paste and Save all), 2036 (batch refused) and 2037 (conflict by field).
const TYPING_YEAR = 2034;
const PASTE_YEAR = 2035;
const REFUSED_YEAR = 2036;
const CONFLICT_YEAR = 2037;

const cell = (page: Page, label: string) => page.getByLabel(`${label}, value`, { exact: true });

/** Pastes `text` into the focused element as a browser does: a paste event carrying text/plain. */
async function paste(page: Page, text: string) {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

/** The year page of REFUSED_YEAR as an editor, with its last figure's cell and that figure's label. */
async function lastFigureOfRefusedYear(browser: Browser) {
  const page = await pageAs(browser, "editor");
  await visit(page, `/years/${REFUSED_YEAR}`);
  const last = page.locator("[data-grid-cell]").last();
  const label = (await last.evaluate((el) => (el as HTMLInputElement).labels![0]!.textContent)).replace(/, value$/, "");
  return { page, last, label };
}

/** A route handler for the page's server action posts (POSTs carrying a Next-Action header); anything else goes on. */
const onActionPosts = (handle: (route: Route) => Promise<void>) => (route: Route) =>
  route.request().method() === "POST" && route.request().headers()["next-action"] ? handle(route) : route.fallback();

test.describe("the entry grid", () => {
  test.beforeAll(async ({ baseURL, playwright }) => {
    const api = await apiAs(playwright, baseURL!, "editor");
    for (const year of [TYPING_YEAR, PASTE_YEAR, REFUSED_YEAR, CONFLICT_YEAR]) await ensureYear(api, baseURL!, year);
    await api.dispose();
  });

  test("an editor types all 50 figures with the keyboard alone: Enter saves and moves on, Esc puts a cell back", async ({ browser, playwright, baseURL }) => {
    // Fifty saves, each a server round trip: about 25 s on an idle 2-core machine.
    test.setTimeout(120_000);
    const page = await pageAs(browser, "editor");
    await visit(page, `/years/${TYPING_YEAR}`);
    const cells = page.locator("[data-grid-cell]");
    await expect(cells).toHaveCount(50);
    const labels = await page
      .locator("[data-grid-cell]")
      .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).labels![0]!.textContent.replace(/, value$/, "")));

    // Esc: a typed figure goes back to what is stored and nothing is sent.
    await cells.first().focus();
    await page.keyboard.type("999");
    await expect(page.getByTestId("unsaved-count")).toHaveText("1 unsaved");
    await page.keyboard.press("Escape");
    await expect(cells.first()).toHaveValue("");
    await expect(page.getByTestId("unsaved-count")).toHaveText("All changes saved");

    // ↓ and ↑ move without typing anything.
    await page.keyboard.press("ArrowDown");
    await expect(cells.nth(1)).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(cells.first()).toBeFocused();

    // Every figure a plain number: 1 + its position, typed and Entered.
    const started = Date.now();
    let keystrokes = 0;
    for (let i = 0; i < labels.length; i++) {
      const typed = String(i + 1);
      await page.keyboard.type(typed);
      await page.keyboard.press("Enter");
      keystrokes += typed.length + 1;
    }
    await expect(page.getByTestId("unsaved-count")).toHaveText("All changes saved");
    for (const label of labels) await expect(rowOf(page, label).getByTestId("save-status")).toContainText("Saved ✓");
    const seconds = (Date.now() - started) / 1000;
    // Recorded for the README's "faster than a spreadsheet" figure; not an assertion on time.
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync("test-results/grid-entry.json", JSON.stringify({ figures: labels.length, keystrokes, seconds }));
    console.log(`entry grid: ${labels.length} figures, ${keystrokes} keystrokes, ${seconds.toFixed(1)} s`);
    expect(keystrokes).toBeLessThanOrEqual(labels.length * 3 + 50);

    const api = await apiAs(playwright, baseURL!, "viewer");
    const values = (await (await api.get(`/api/v1/years/${TYPING_YEAR}/values`)).json()) as { values: { value: number | null; version: number }[] };
    expect(values.values.filter((v) => v.value !== null)).toHaveLength(50);
    expect(values.values.every((v) => v.version === 1)).toBe(true);
    await api.dispose();
    await page.context().close();
  });

  test("a block pasted from a spreadsheet fills the figures below, shows what each prints as, and Save all saves it with one revision each", async ({
    browser,
    playwright,
    baseURL,
  }) => {
    test.slow();
    const page = await pageAs(browser, "editor");
    await visit(page, `/years/${PASTE_YEAR}`);
    const first = cell(page, "Total peacekeepers");
    await first.focus();
    // What Excel puts on the clipboard: value, qualifier, source, note; CRLF lines; a quoted cell; a trailing newline.
    // The six figures from Total peacekeepers down are counts.
    await paste(
      page,
      [
        "76,000\tover\thttps://peacekeeping.un.org\tAs of December",
        "5,750\t\t\t",
        '120\t\tDPO\t"Troop and police, ""TPCC"""',
        "11\t\t\t",
        "13 thousand\tabout\t\t",
        "2,500\t\t\t",
      ].join("\r\n") + "\r\n",
    );
    await expect(page.getByTestId("grid-announcement")).toContainText("Pasted 6 figures");
    await expect(page.getByTestId("unsaved-count")).toHaveText("6 unsaved");
    const rows = page.locator("[data-unsaved]");
    await expect(rows).toHaveCount(6);
    await expect(first).toHaveValue("76,000");
    await expect(rowOf(page, "Total peacekeepers").getByTestId("printed")).toHaveText("As printed: over 76,000");
    await expect(rowOf(page, "Total peacekeepers").getByTestId("save-status")).toHaveText("Unsaved");

    await page.getByRole("button", { name: "Save all" }).click();
    await expect(page.getByTestId("grid-announcement")).toHaveText("Saved 6 figures.");
    await expect(page.getByTestId("unsaved-count")).toHaveText("All changes saved");
    await expect(rows).toHaveCount(0);

    const api = await apiAs(playwright, baseURL!, "viewer");
    const saved = (await (await api.get(`/api/v1/years/${PASTE_YEAR}/values`)).json()) as {
      values: { metricKey: string; value: number | null; qualifier: string | null; source: string | null; note: string | null; version: number }[];
    };
    const filled = saved.values.filter((v) => v.value !== null);
    expect(filled).toHaveLength(6);
    expect(filled.every((v) => v.version === 1)).toBe(true);
    expect(filled.find((v) => v.metricKey === "peacekeepers_total")).toMatchObject({
      value: 76_000,
      qualifier: "over",
      source: "https://peacekeeping.un.org",
      note: "As of December",
    });
    expect(filled.find((v) => v.note === 'Troop and police, "TPCC"')).toMatchObject({ value: 120, source: "DPO" });
    for (const v of filled) {
      const history = (await (await api.get(`/api/v1/years/${PASTE_YEAR}/values/${v.metricKey}/history`)).json()) as { revisions: unknown[] };
      expect(history.revisions, v.metricKey).toHaveLength(1);
    }
    await api.dispose();
    await page.context().close();
  });

  test("Save all with one refused row saves nothing and marks that row", async ({ browser, playwright, baseURL }) => {
    test.slow();
    const page = await pageAs(browser, "editor");
    await visit(page, `/years/${REFUSED_YEAR}`);
    await cell(page, "Total peacekeepers").focus();
    // The fourth cell is no number: the server refuses that row, and with it the batch.
    await paste(page, "76000\n5750\n120\nn/a\n");
    const pasted = page.locator("[data-unsaved]");
    await expect(pasted).toHaveCount(4);
    const refusedLabel = (await pasted.nth(3).getAttribute("aria-label"))!;
    await page.getByRole("button", { name: "Save all" }).click();
    await expect(page.getByTestId("grid-announcement")).toContainText("Nothing was saved: 1 of 4 figures was refused");
    await expect(rowOf(page, refusedLabel).getByTestId("save-status")).toContainText("Not saved");
    await expect(cell(page, refusedLabel)).toBeFocused();
    await expect(page.getByTestId("unsaved-count")).toHaveText("4 unsaved");

    const api = await apiAs(playwright, baseURL!, "viewer");
    expect((await apiValue(api, REFUSED_YEAR, "peacekeepers_total")).value).toBeNull();
    await api.dispose();

    // Corrected, the same batch goes through.
    await cell(page, refusedLabel).fill("4");
    await page.getByRole("button", { name: "Save all" }).click();
    await expect(page.getByTestId("grid-announcement")).toHaveText("Saved 4 figures.");
    await page.context().close();
  });

  test("a save whose request never reaches the server says so, keeps the figure, and saves it once the server answers again", async ({ browser }) => {
    const { page, last, label } = await lastFigureOfRefusedYear(browser);
    // Dropping the action posts is the network failing under the page.
    const offline = onActionPosts((route) => route.abort("internetdisconnected"));
    await page.route("**/*", offline);
    await last.fill("321");
    await last.press("Enter");
    await expect(rowOf(page, label).getByTestId("save-status")).toHaveText("Not saved: Could not reach the server. Check your connection and try again.");
    await expect(last).toHaveValue("321");
    await expect(page.getByTestId("unsaved-count")).toHaveText("1 unsaved");

    await page.unroute("**/*", offline);
    await last.focus();
    await last.press("Enter");
    await expect(rowOf(page, label).getByTestId("save-status")).toContainText("Saved");
    await expect(page.getByTestId("unsaved-count")).toHaveText("All changes saved");
    await page.context().close();
  });

  test("a save from a page opened before Report Desk was updated says to reload, and keeps the figure", async ({ browser }) => {
    const { page, last, label } = await lastFigureOfRefusedYear(browser);
    // An update gives every server action a new id: the page's old one reaches a server that no longer knows it.
    const fromOldDeployment = onActionPosts((route) => route.continue({ headers: { ...route.request().headers(), "next-action": "00".repeat(21) } }));
    await page.route("**/*", fromOldDeployment);
    await last.fill("322");
    await last.press("Enter");
    await expect(rowOf(page, label).getByTestId("save-status")).toHaveText(
      "Not saved: Report Desk has been updated since this page was opened. Copy what you typed, reload the page and try again.",
    );
    await expect(last).toHaveValue("322");
    await expect(page.getByTestId("unsaved-count")).toHaveText("1 unsaved");
    await page.unroute("**/*", fromOldDeployment);
    await page.context().close();
  });

  test("two editors: one changes the note, the other only the value; keeping mine keeps their note and the revision says so", async ({
    browser,
    playwright,
    baseURL,
  }) => {
    test.slow();
    const label = "Peace operations";
    const a = await pageAs(browser, "editor");
    const b = await pageAs(browser, "admin");
    await visit(a, `/years/${CONFLICT_YEAR}`);
    await visit(b, `/years/${CONFLICT_YEAR}`);

    await rowOf(b, label)
      .getByRole("button", { name: `Details of ${label}` })
      .click();
    await b.getByLabel(`Note, ${label}`, { exact: true }).fill("Eleven missions and one office");
    await b.getByLabel(`Note, ${label}`, { exact: true }).press("Enter");
    await expect(rowOf(b, label).getByTestId("save-status")).toContainText("Saved ✓");

    await cell(a, label).fill("11");
    await cell(a, label).press("Enter");
    const dialog = a.getByRole("dialog", { name: `${label} was changed by someone else` });
    await expect(dialog.getByTestId("conflict-theirs-note")).toHaveText("Eleven missions and one office");
    await expect(dialog.getByTestId("conflict-mine-note")).toHaveText("not changed");
    await expect(dialog.getByTestId("conflict-mine-value")).toHaveText("11");
    await a.screenshot({ path: "test-results/screens/conflict-by-field-1400.png" });
    await dialog.getByRole("button", { name: "Keep my changes" }).click();
    await expect(rowOf(a, label).getByTestId("save-status")).toContainText("Saved ✓");

    const api = await apiAs(playwright, baseURL!, "viewer");
    expect(await apiValue(api, CONFLICT_YEAR, "peace_operations")).toMatchObject({ value: 11, note: "Eleven missions and one office", version: 2 });
    const history = (await (await api.get(`/api/v1/years/${CONFLICT_YEAR}/values/peace_operations/history`)).json()) as {
      revisions: { reason: string | null }[];
    };
    expect(history.revisions[0]?.reason).toBe(`Kept my value over a newer save by ${"Ada Admin"}`);
    await api.dispose();
    await a.context().close();
    await b.context().close();
  });

  test("the year page as served holds every value before any script runs", async ({ playwright, baseURL }) => {
    const api = await apiAs(playwright, baseURL!, "editor");
    const opened = await api.post("/api/v1/years", { data: { year: 2038 }, headers: sameOrigin(baseURL!) });
    expect([201, 409]).toContain(opened.status());
    expect((await api.put("/api/v1/years/2038/values/peacekeepers_total", { data: { value: 76_543 }, headers: sameOrigin(baseURL!) })).status()).toBe(200);
    const html = await (await api.get("/years/2038")).text();
    expect(html).toMatch(/id="peacekeepers_total-value"[^>]*value="76,543"|value="76,543"[^>]*id="peacekeepers_total-value"/);
    expect(html).toContain("As printed: <!-- -->76,543");
    await api.dispose();
  });

  test("screenshots and accessibility of the grid, its filter, a row's detail, the read-only and locked pages and the compare page, at 1400 and 390 px", async ({
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const page = await pageAs(browser, "editor");
    await visit(page, `/years/${PASTE_YEAR}`);
    await page.getByLabel("Show", { exact: true }).selectOption("missing");
    await expect(page.locator("[data-grid-cell]")).toHaveCount(44);
    await page.getByLabel("Find a figure").fill("peace");
    await expect(cell(page, "Total peacekeepers")).toHaveCount(0);
    await page.getByLabel("Show", { exact: true }).selectOption("all");
    await expect(cell(page, "Total peacekeepers")).toBeVisible();
    await rowOf(page, "Total peacekeepers").getByRole("button", { name: "Details of Total peacekeepers" }).click();
    await cell(page, "Women peacekeepers").fill("6,100");
    await expectNoSeriousA11yViolations(page);
    await screenshotBothWidths(page, testInfo, "entry-grid");
    await page.getByLabel("Find a figure").fill("");

    // A phone: each figure a card whose value comes right after its name.
    await page.setViewportSize({ width: 390, height: 900 });
    const box = await cell(page, "Total peacekeepers").boundingBox();
    const previous = await rowOf(page, "Total peacekeepers").getByTestId("previous").boundingBox();
    expect(box!.y).toBeLessThan(previous!.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();

    // Read-only (a viewer on an open year) and locked (the signed-off 2023).
    const viewer = await pageAs(browser, "viewer", { width: 390, height: 900 });
    await visit(viewer, `/years/${PASTE_YEAR}`);
    await expect(viewer.locator("[data-grid-cell]")).toHaveCount(0);
    await expectNoSeriousA11yViolations(viewer);
    await visit(viewer, "/years/2023");
    await expectNoSeriousA11yViolations(viewer);
    await visit(viewer, "/compare?from=2022&to=2023");
    await expect(viewer.getByRole("table")).toBeVisible();
    expect(await viewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshotBothWidths(viewer, testInfo, "compare-grid-era");
    await viewer.context().close();
  });
});
