import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { PEOPLE, sameOrigin } from "./api";
import { answerNextDialog, apiAs, apiValue, ensureYear, pageAs, rowOf, visit } from "./year-page";

// Writes only in 2031 (this spec's year, opened through the API so that no test depends on
// another) and 2039 (opened through /years by the first test).
const YEAR = 2031;
const OPENED_YEAR = 2039;

test.describe("editing a year's values", () => {
  test.beforeAll(async ({ baseURL, playwright }) => {
    const api = await apiAs(playwright, baseURL!, "editor");
    await ensureYear(api, baseURL!, YEAR);
    await api.dispose();
  });

  test("an editor opens 2039 from /years; opening it again says it already exists", async ({ browser }) => {
    const page = await pageAs(browser, "editor");
    await visit(page, "/years");
    const yearInput = page.getByLabel("Year", { exact: true });
    await yearInput.fill(String(OPENED_YEAR));
    await yearInput.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/years/${OPENED_YEAR}$`));
    // A new year lists every current metric with no value yet, and the previous year alongside.
    const row = rowOf(page, "Total peacekeepers");
    await expect(row.getByLabel("Total peacekeepers, value", { exact: true })).toHaveValue("");
    await expect(row.getByTestId("previous")).toContainText(/20\d\d: /);
    await expect(page.locator("[data-grid-cell]")).toHaveCount(50);

    await visit(page, "/years");
    await page.getByLabel("Year", { exact: true }).fill(String(OPENED_YEAR));
    await page.getByRole("button", { name: "Open year" }).click();
    await expect(page.getByText(`${OPENED_YEAR} is already open: pick it from the list below`)).toBeVisible();
    await page.context().close();
  });

  test("a year that fits on one page shows every section, even at an address that asks for one", async ({ browser }) => {
    const page = await pageAs(browser, "editor");
    await visit(page, `/years/${YEAR}?section=peacekeeping`);
    await expect(page.locator("[data-grid-cell]")).toHaveCount(50);
    await expect(page.getByRole("heading", { level: 2, name: "Rule of law and security institutions" })).toBeVisible();
    await expect(page.getByTestId("quotes-shown")).toHaveCount(0);
    await page.context().close();
  });

  test("an editor fills several values with the keyboard only and the API returns them", async ({ browser, playwright, baseURL }) => {
    // Many saves, each awaited in the page: ~20 s on an idle 2-core machine.
    test.slow();
    const page = await pageAs(browser, "editor");
    await visit(page, `/years/${YEAR}`);
    const filledCount = async () => Number(/^(\d+) of \d+ figures have a value/.exec((await page.getByText(/figures have a value/).textContent()) ?? "")?.[1]);
    const filledBefore = await filledCount();

    const value = page.getByLabel("Total peacekeepers, value", { exact: true });
    await value.focus();
    await page.keyboard.type("76,500");
    // Alt+Enter opens the row's detail: qualifier, source, note and reason, in that order.
    await page.keyboard.press("Alt+Enter");
    await expect(page.getByLabel("Qualifier, Total peacekeepers", { exact: true })).toBeFocused();
    // Type-ahead selects "over" in the closed select.
    await page.keyboard.type("o");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Source, Total peacekeepers", { exact: true })).toBeFocused();
    await page.keyboard.type("https://peacekeeping.un.org/en/data");
    await page.keyboard.press("Tab");
    await page.keyboard.type("As of December");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Reason for the change, Total peacekeepers", { exact: true })).toBeFocused();
    await page.keyboard.type("first figure");
    const first = rowOf(page, "Total peacekeepers");
    await expect(first.getByTestId("save-status")).toHaveText("Unsaved");
    await expect(page.getByTestId("unsaved-count")).toHaveText("1 unsaved");
    await page.keyboard.press("Enter");
    await expect(first.getByTestId("save-status")).toContainText("Saved ✓");
    await expect(page.getByTestId("unsaved-count")).toHaveText("All changes saved");
    await expect(first.getByTestId("printed")).toHaveText("As printed: over 76,500");
    // The header counts the new figure without a reload, and focus stays where it was.
    await expect(page.getByText(/figures have a value/)).toContainText(`${filledBefore + 1} of `);
    await expect(page.getByLabel("Reason for the change, Total peacekeepers", { exact: true })).toBeFocused();
    // Beside it, the nearest earlier year's figure and the change to it (other specs may add years before 2031).
    await expect(first.getByTestId("previous")).toContainText(/20\d\d: /);
    await expect(first.getByTestId("change")).toHaveText(/^Change (0|[+−][\d,.]+( million)?)( \([+−]?[\d,.]+%\))?$/);

    // Esc closes the detail and puts the focus back on the value; Tab goes straight to the next figure's value.
    await page.keyboard.press("Escape");
    await expect(value).toBeFocused();
    await expect(page.getByLabel("Source, Total peacekeepers", { exact: true })).toBeHidden();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Women peacekeepers, value", { exact: true })).toBeFocused();
    await page.keyboard.type("4.9 million");
    // Enter saves and moves down; Shift+Enter comes back up.
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Women peacekeepers, value", { exact: true })).not.toBeFocused();
    await expect(rowOf(page, "Women peacekeepers").getByTestId("save-status")).toContainText("Saved ✓");
    await page.keyboard.press("Shift+Enter");
    await expect(page.getByLabel("Women peacekeepers, value", { exact: true })).toBeFocused();
    await expect(page.getByLabel("Women peacekeepers, value", { exact: true })).toHaveValue("4,900,000");

    // Typed money and percentages, each saved with Enter from its value field.
    for (const [label, typed, shown, printed] of [
      ["Peacebuilding Fund approved budget", "$203 million", "203,000,000", "$203M"],
      ["Women among staff in mediation teams", "43%", "43", "43%"],
      ["Troop- and police-contributing countries", "76000", "76,000", "76,000"],
      ["Peacebuilding Fund allocations", "203M", "203,000,000", "$203M"],
    ] as const) {
      const input = page.getByLabel(`${label}, value`, { exact: true });
      await input.focus();
      await page.keyboard.type(typed);
      await page.keyboard.press("Enter");
      await expect(rowOf(page, label).getByTestId("save-status")).toContainText("Saved ✓");
      await expect(input).toHaveValue(shown);
      await expect(rowOf(page, label).getByTestId("printed")).toHaveText(`As printed: ${printed}`);
    }

    // The same schema as the server, in the browser: nothing is sent for text that is not a number.
    const countries = page.getByLabel("Peace operations, value", { exact: true });
    await countries.focus();
    await page.keyboard.type("eleven");
    await page.keyboard.press("Enter");
    await expect(rowOf(page, "Peace operations")).toContainText("Value “eleven” is not a number");
    await expect(countries).toHaveAttribute("aria-invalid", "true");

    const api = await apiAs(playwright, baseURL!, "viewer");
    expect(await apiValue(api, YEAR, "peacekeepers_total")).toMatchObject({
      value: 76_500,
      qualifier: "over",
      source: "https://peacekeeping.un.org/en/data",
      note: "As of December",
      version: 1,
    });
    expect((await apiValue(api, YEAR, "peacekeepers_women")).value).toBe(4_900_000);
    expect((await apiValue(api, YEAR, "pbf_approved_budget_usd")).value).toBe(203_000_000);
    expect((await apiValue(api, YEAR, "women_mediation_teams_pct")).value).toBe(43);
    expect((await apiValue(api, YEAR, "contributing_countries")).value).toBe(76_000);
    expect((await apiValue(api, YEAR, "pbf_allocated_usd")).value).toBe(203_000_000);
    expect((await apiValue(api, YEAR, "peace_operations")).value).toBeNull();
    const history = await (await api.get(`/api/v1/years/${YEAR}/values/peacekeepers_total/history`)).json();
    expect(history.revisions[0]).toMatchObject({ value: 76_500, reason: "first figure", changedBy: PEOPLE.editor.name });
    await api.dispose();

    // A reload shows what was saved.
    await page.reload();
    await expect(page.getByLabel("Total peacekeepers, value", { exact: true })).toHaveValue("76,500");
    await page.context().close();
  });

  test("two editors save the same value: the conflict dialog keeps theirs or keeps my changes", async ({ browser, playwright, baseURL }) => {
    // Two browsers, three saves and two dialogs: ~17 s on an idle 2-core machine.
    test.slow();
    const label = "Security Council meetings supported";
    const a = await pageAs(browser, "editor");
    const b = await pageAs(browser, "admin");
    await visit(a, `/years/${YEAR}`);
    await visit(b, `/years/${YEAR}`);

    const aValue = a.getByLabel(`${label}, value`, { exact: true });
    const bValue = b.getByLabel(`${label}, value`, { exact: true });
    await aValue.fill("410");
    await aValue.press("Enter");
    await expect(rowOf(a, label).getByTestId("save-status")).toContainText("Saved ✓");

    // B still holds version 0: its save is refused and the dialog shows A's value, who and when.
    await bValue.fill("420");
    await bValue.press("Enter");
    const dialog = b.getByRole("dialog", { name: `${label} was changed by someone else` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`${PEOPLE.editor.name} saved it at`);
    await expect(dialog.getByTestId("conflict-theirs-value")).toHaveText("410");
    await expect(dialog.getByTestId("conflict-mine-value")).toHaveText("420");
    // Focus is trapped in the dialog, and Escape closes it without saving.
    for (let i = 0; i < 4; i++) {
      await b.keyboard.press("Tab");
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await b.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await bValue.press("Enter");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Keep theirs" }).click();
    await expect(dialog).toBeHidden();
    await expect(bValue).toHaveValue("410");
    await expect(rowOf(b, label).getByTestId("save-status")).toContainText(`Loaded the version saved by ${PEOPLE.editor.name}`);
    // B now holds version 1: its next save goes through.
    await bValue.fill("415");
    await rowOf(b, label)
      .getByRole("button", { name: `Details of ${label}` })
      .click();
    await b.getByLabel(`Reason for the change, ${label}`, { exact: true }).fill("corrected count");
    await bValue.press("Enter");
    await expect(rowOf(b, label).getByTestId("save-status")).toContainText("Saved ✓");

    // A is now the stale one: it overwrites knowingly.
    await aValue.fill("430");
    await aValue.press("Enter");
    const aDialog = a.getByRole("dialog", { name: `${label} was changed by someone else` });
    await expect(aDialog.getByTestId("conflict-theirs-value")).toHaveText("415");
    await expect(aDialog).toContainText(`${PEOPLE.admin.name} saved it at`);
    await aDialog.getByRole("button", { name: "Keep my changes" }).click();
    await expect(aDialog).toBeHidden();
    await expect(rowOf(a, label).getByTestId("save-status")).toContainText("Saved ✓");

    const api = await apiAs(playwright, baseURL!, "viewer");
    expect(await apiValue(api, YEAR, "council_meetings_supported")).toMatchObject({ value: 430, version: 3 });
    await api.dispose();
    await a.context().close();
    await b.context().close();
  });

  test("the history drawer and page list revisions newest first with reasons and changes, paged", async ({ browser, playwright, baseURL }) => {
    const api = await apiAs(playwright, baseURL!, "editor");
    // 23 revisions: more than one page of 20.
    let version = (await apiValue(api, YEAR, "council_field_missions")).version;
    for (let n = 1; n <= 23; n++) {
      const response = await api.put(`/api/v1/years/${YEAR}/values/council_field_missions`, {
        data: { value: n, version, reason: `step ${n}`, note: n === 23 ? "final" : null },
        headers: sameOrigin(baseURL!),
      });
      expect(response.status(), await response.text()).toBe(200);
      version = ((await response.json()) as { version: number }).version;
    }
    await api.dispose();

    const page = await pageAs(browser, "editor");
    await visit(page, `/years/${YEAR}`);
    await page.getByRole("button", { name: "History of Security Council field missions supported" }).click();
    const drawer = page.getByRole("dialog", { name: `History: Security Council field missions supported, ${YEAR}` });
    const revisions = drawer.getByTestId("revision");
    await expect(revisions).toHaveCount(20);
    await expect(revisions.first()).toContainText("Version 23");
    await expect(revisions.first()).toContainText("step 23");
    await expect(revisions.first()).toContainText(PEOPLE.editor.name);
    // Value and note changed from version 22; source did not.
    await expect(revisions.first().locator("[data-changed]")).toHaveCount(2);
    await expect(revisions.first().locator('[data-changed="note"]')).toHaveText("final (changed)");
    // The oldest row shown still knows what it changed (version 4 vs 3).
    await expect(revisions.last()).toContainText("Version 4");
    await expect(revisions.last().locator('[data-changed="value"]')).toHaveText("4 (changed)");
    await drawer.getByRole("button", { name: "Load older" }).click();
    await expect(revisions).toHaveCount(23);
    await expect(revisions.last()).toContainText("step 1");
    await expect(drawer.getByRole("button", { name: "Load older" })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();

    // The same as a page of its own, paged with ?before=.
    await visit(page, `/years/${YEAR}/history/council_field_missions`);
    await expect(page.getByRole("heading", { name: `History: Security Council field missions supported, ${YEAR}` })).toBeVisible();
    await expect(page.getByTestId("revision")).toHaveCount(20);
    await expect(page.getByTestId("revision").first()).toContainText("step 23");
    await page.getByRole("link", { name: "Load older" }).click();
    await expect(page).toHaveURL(/\?before=\d+$/);
    await expect(page.getByTestId("revision")).toHaveCount(3);
    await expect(page.getByTestId("revision").first()).toContainText("step 3");
    await expect(page.getByTestId("revision").last()).toContainText("step 1");

    // The conflict test's reasons are there too.
    await visit(page, `/years/${YEAR}/history/council_meetings_supported`);
    await expect(page.getByTestId("revision")).toHaveCount(3);
    await expect(page.getByTestId("revision").nth(1)).toContainText("corrected count");
    await page.context().close();
  });

  test("leaving the page with a figure typed but not saved asks first", async ({ browser, playwright, baseURL }) => {
    const page = await pageAs(browser, "editor");
    const api = await apiAs(playwright, baseURL!, "editor");
    const before = await apiValue(api, YEAR, "peace_operations");
    await visit(page, `/years/${YEAR}`);
    const input = page.getByLabel("Peace operations, value", { exact: true });
    await input.fill("987");

    // Stay: the typed figure is still there.
    const asked = answerNextDialog(page, "dismiss");
    await page.getByRole("link", { name: "Dashboard" }).click();
    await expect.poll(() => asked).toEqual(["One figure has changes that are not saved. Leave this page and lose them?"]);
    await expect(page).toHaveURL(new RegExp(`/years/${YEAR}$`));
    await expect(input).toHaveValue("987");

    // Leave: nothing was saved.
    answerNextDialog(page, "accept");
    await page.getByRole("link", { name: "Dashboard" }).click();
    await expect(page).toHaveURL(/\/$/);
    expect(await apiValue(api, YEAR, "peace_operations")).toEqual(before);

    // Nothing typed: no question.
    await visit(page, `/years/${YEAR}`);
    const notAsked = answerNextDialog(page, "dismiss");
    await page.getByRole("link", { name: "Compare" }).click();
    await expect(page).toHaveURL(/\/compare/);
    expect(notAsked).toHaveLength(0);
    await page.context().close();
    await api.dispose();
  });

  test("screenshots of the year page at 1400 and 390 px", async ({ browser }) => {
    // Two widths, each with an accessibility scan of a page of 50 forms: ~20 s on an idle 2-core machine.
    test.slow();
    for (const width of [1400, 390]) {
      const page = await pageAs(browser, "editor", { width, height: 900 });
      await visit(page, `/years/${YEAR}`);
      await expect(page.getByLabel("Total peacekeepers, value", { exact: true })).toHaveValue("76,500");
      await page.screenshot({ path: `test-results/screens/year-${YEAR}-editor-${width}.png` });
      // Nothing spills sideways at either width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const audit = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
      expect(audit.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
      await visit(page, `/years/${YEAR}/history/council_field_missions`);
      await page.screenshot({ path: `test-results/screens/history-${width}.png` });
      await page.context().close();
    }
  });
});
