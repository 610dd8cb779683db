import { expect, test } from "@playwright/test";
import { sameOrigin } from "./api";
import { answerNextDialog, apiAs, ensureYear, pageAs, visit } from "./year-page";

// Writes only in 2033, and one quote in 2029 that makes a speaker of 2023 recur.
const YEAR = 2033;
const EARLIER = 2029;
type Quote = { id: number; speaker: string; title: string; section: string; text: string; version: number };

test.describe("quotes on the year page", () => {
  test("an editor adds, edits, deletes and copies quotes in 2033, text kept exactly as typed", async ({ browser, playwright, baseURL }) => {
    const api = await apiAs(playwright, baseURL!, "editor");
    await ensureYear(api, baseURL!, YEAR);
    const quotesOf = async (year: number) => ((await (await api.get(`/api/v1/years/${year}/quotes`)).json()) as { quotes: Quote[] }).quotes;

    const page = await pageAs(browser, "editor");
    await visit(page, `/years/${YEAR}`);
    await expect(page.getByText("No quotes for this year yet.")).toBeVisible();

    // Add: markup and line breaks are text, shown and stored as typed.
    const text = 'Peace is <b>not</b> a "given" & must be built.\nEvery day.';
    await page.getByRole("button", { name: "Add a quote" }).click();
    const form = page.getByRole("form", { name: "New quote" });
    await form.getByLabel("Speaker").fill("Ada Speaker");
    await form.getByLabel("Title").fill("Envoy");
    await form.getByLabel("Section").selectOption({ label: "Peacebuilding support" });
    await form.getByLabel("Text").fill(text);
    // A quote typed but not added is not lost to a stray click on a link: the page asks first.
    const asked = answerNextDialog(page, "dismiss");
    await page.getByRole("link", { name: "Dashboard" }).click();
    await expect.poll(() => asked).toEqual(["One quote has changes that are not saved. Leave this page and lose them?"]);
    await expect(form.getByLabel("Speaker")).toHaveValue("Ada Speaker");
    await form.getByRole("button", { name: "Add quote" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Added a quote by Ada Speaker" })).toBeVisible();
    const card = page.locator("li[data-quote-id]").filter({ hasText: "Ada Speaker" });
    await expect(card.locator("blockquote")).toHaveText(`“${text}”`);
    await expect(card.locator("b")).toHaveCount(0);
    let [stored] = await quotesOf(YEAR);
    expect(stored).toMatchObject({ speaker: "Ada Speaker", title: "Envoy", section: "peacebuilding", text, version: 1 });

    // Edit.
    await card.getByRole("button", { name: "Edit the quote by Ada Speaker" }).click();
    const edit = page.getByRole("form", { name: "Edit the quote by Ada Speaker" });
    await edit.getByLabel("Title").fill("Special Envoy");
    await edit.getByRole("button", { name: "Save quote" }).click();
    await expect(page.locator("li[data-quote-id]").filter({ hasText: "Special Envoy" })).toBeVisible();
    [stored] = await quotesOf(YEAR);
    expect(stored).toMatchObject({ title: "Special Envoy", text, version: 2 });

    // Someone else edits it meanwhile: the stale save is refused and their version loads into the form.
    await page.getByRole("button", { name: "Edit the quote by Ada Speaker" }).click();
    const stale = page.getByRole("form", { name: "Edit the quote by Ada Speaker" });
    const other = await api.put(`/api/v1/quotes/${stored!.id}`, {
      data: { speaker: "Ada Speaker", title: "Envoy for Peace", section: "peacebuilding", text, version: 2 },
      headers: sameOrigin(baseURL!),
    });
    expect(other.status(), await other.text()).toBe(200);
    await stale.getByLabel("Title").fill("Mine");
    await stale.getByRole("button", { name: "Save quote" }).click();
    await expect(stale.getByRole("alert")).toContainText("Someone else changed this quote");
    await expect(stale.getByLabel("Title")).toHaveValue("Envoy for Peace");
    await stale.getByLabel("Title").fill("Envoy, second term");
    await stale.getByRole("button", { name: "Save quote" }).click();
    await expect(page.locator("li[data-quote-id]").filter({ hasText: "Envoy, second term" })).toBeVisible();
    expect((await quotesOf(YEAR))[0]).toMatchObject({ title: "Envoy, second term", version: 4 });

    // Delete, after a confirmation.
    await page.getByRole("button", { name: "Delete the quote by Ada Speaker" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete the quote by Ada Speaker?" });
    await confirm.getByRole("button", { name: "Delete quote" }).click();
    await expect(page.locator("li[data-quote-id]")).toHaveCount(0);
    expect(await quotesOf(YEAR)).toEqual([]);

    // Copy from any earlier year; speakers quoted in more than one earlier edition come picked.
    const source = await quotesOf(2023);
    expect(source.length).toBeGreaterThan(2);
    await ensureYear(api, baseURL!, EARLIER);
    if ((await quotesOf(EARLIER)).length === 0) {
      const again = { speaker: source[1]!.speaker, title: source[1]!.title, section: source[1]!.section, text: "An earlier word from the same person." };
      expect((await api.post(`/api/v1/years/${EARLIER}/quotes`, { data: again, headers: sameOrigin(baseURL!) })).status()).toBe(201);
    }
    await page.reload();
    await page.getByRole("button", { name: "Copy quotes from an earlier year" }).click();
    const picker = page.getByRole("dialog", { name: "Copy quotes from an earlier year" });
    const copyFrom = picker.getByLabel("Copy from");
    await copyFrom.selectOption("2023");
    const boxes = picker.getByRole("checkbox");
    await expect(boxes).toHaveCount(source.length);
    await expect(boxes.nth(1)).toBeChecked();
    await expect(boxes.nth(0)).not.toBeChecked();
    await boxes.nth(0).check();
    await picker.getByRole("button", { name: "Copy 2 quotes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copied 2 quotes from 2023" })).toBeVisible();
    await expect(page.locator("li[data-quote-id]")).toHaveCount(2);
    const copied = await quotesOf(YEAR);
    const sameFields = (q: Quote) => `${q.speaker}|${q.title}|${q.section}|${q.text}`;
    expect(copied.map(sameFields).sort()).toEqual(source.slice(0, 2).map(sameFields).sort());
    expect(copied.every((q) => !source.some((s) => s.id === q.id))).toBe(true);
    // The originals stay in their year.
    expect(await quotesOf(2023)).toEqual(source);
    await page.screenshot({ path: "test-results/screens/year-2033-quotes-1400.png", fullPage: true });
    await api.dispose();
    await page.context().close();
  });
});
