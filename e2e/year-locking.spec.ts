import { expect, test } from "@playwright/test";
import { PEOPLE, sameOrigin, tokenFor } from "./api";
import { apiAs, apiValue, ensureYear, pageAs, rowOf, visit } from "./year-page";

// Writes only in 2032 (locked and unlocked here) and reads 2031.
const YEAR = 2032;

test.describe("locking years and who may edit", () => {
  test("a reviewer locks 2032: the editor's save gets 423, the page turns read-only; an admin unlocks it with a reason", async ({
    browser,
    playwright,
    baseURL,
  }) => {
    // Three people in three browsers through a year's whole lock cycle: ~25 s alone, past 30 s
    // once on a busy CI machine.
    test.slow();
    const editorApi = await apiAs(playwright, baseURL!, "editor");
    await ensureYear(editorApi, baseURL!, YEAR);
    const editor = await pageAs(browser, "editor");
    await editor.goto(`/years/${YEAR}`);
    const value = editor.getByLabel("Peace operations, value", { exact: true });
    await expect(value).toBeVisible();
    // Only reviewers and admins see the lock button.
    await expect(editor.getByRole("button", { name: `Lock ${YEAR}` })).toHaveCount(0);

    const reviewer = await pageAs(browser, "reviewer");
    await visit(reviewer, `/years/${YEAR}`);
    await expect(reviewer.getByRole("textbox")).toHaveCount(0);
    await reviewer.getByRole("button", { name: `Lock ${YEAR}` }).click();
    const confirm = reviewer.getByRole("dialog", { name: `Lock ${YEAR}?` });
    await expect(confirm).toContainText("read-only for everyone");
    await confirm.getByRole("button", { name: `Lock ${YEAR}` }).click();
    await expect(reviewer.getByRole("note")).toContainText(`Locked on ${new Date().getUTCFullYear()}`);
    await expect(reviewer.getByRole("note")).toContainText(`by ${PEOPLE.reviewer.name}`);
    await expect(reviewer.getByRole("button", { name: `Unlock ${YEAR}` })).toHaveCount(0);

    // The editor's page was loaded before the lock: the server refuses and the row says why.
    await value.fill("12");
    await value.press("Enter");
    await expect(rowOf(editor, "Peace operations").getByTestId("save-status")).toHaveText(
      `Not saved: The year ${YEAR} is locked: an admin must unlock it before it can change`,
    );
    await editor.reload();
    await expect(editor.getByRole("note")).toContainText(`by ${PEOPLE.reviewer.name}`);
    await expect(editor.getByRole("textbox")).toHaveCount(0);
    await expect(editor.getByRole("button", { name: /^Save/ })).toHaveCount(0);
    await expect(editor.getByRole("button", { name: "Add a quote" })).toHaveCount(0);
    await editor.screenshot({ path: `test-results/screens/year-${YEAR}-locked-1400.png` });

    // A forged write with the editor's own cookie is refused too.
    const forged = await editorApi.put(`/api/v1/years/${YEAR}/values/peace_operations`, { data: { value: 12 }, headers: sameOrigin(baseURL!) });
    expect(forged.status()).toBe(423);
    expect((await apiValue(editorApi, YEAR, "peace_operations")).value).toBeNull();

    const admin = await pageAs(browser, "admin");
    await visit(admin, `/years/${YEAR}`);
    await admin.getByRole("button", { name: `Unlock ${YEAR}` }).click();
    const unlock = admin.getByRole("dialog", { name: `Unlock ${YEAR}?` });
    await unlock.getByRole("button", { name: `Unlock ${YEAR}` }).click();
    await expect(unlock.getByText("Reason is required")).toBeVisible();
    await unlock.getByLabel("Reason for unlocking").fill("A late correction from the field");
    await unlock.getByRole("button", { name: `Unlock ${YEAR}` }).click();
    await expect(unlock).toBeHidden();
    await expect(admin.getByRole("note")).toHaveCount(0);
    await expect(admin.getByRole("button", { name: `Lock ${YEAR}` })).toBeVisible();

    await editor.reload();
    const again = editor.getByLabel("Peace operations, value", { exact: true });
    await again.fill("12");
    await again.press("Enter");
    await expect(rowOf(editor, "Peace operations").getByTestId("save-status")).toContainText("Saved ✓");
    expect((await apiValue(editorApi, YEAR, "peace_operations")).value).toBe(12);
    await editorApi.dispose();
    for (const p of [editor, reviewer, admin]) await p.context().close();
  });

  test("a viewer sees the year without edit controls, and forged writes are refused with 403", async ({ browser, playwright, baseURL }) => {
    const viewer = await pageAs(browser, "viewer");
    await viewer.goto("/years");
    await expect(viewer.getByRole("heading", { name: "Reporting years" })).toBeVisible();
    await expect(viewer.getByRole("button", { name: "Open year" })).toHaveCount(0);
    await viewer.goto("/years/2023");
    await expect(viewer.getByRole("heading", { name: /^2023 figures/ })).toBeVisible();
    await expect(viewer.getByText("Total peacekeepers", { exact: true })).toBeVisible();
    await expect(viewer.getByRole("textbox")).toHaveCount(0);
    await expect(viewer.getByRole("combobox")).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: /^(Save|Lock|Unlock|Add a quote|Edit|Delete|Copy)/ })).toHaveCount(0);
    for (const width of [1400, 390]) {
      await viewer.setViewportSize({ width, height: 900 });
      await viewer.screenshot({ path: `test-results/screens/year-2023-viewer-${width}.png` });
    }

    const cookie = await apiAs(playwright, baseURL!, "viewer");
    const before = await apiValue(cookie, 2023, "peacekeepers_total");
    const forged = await cookie.put("/api/v1/years/2023/values/peacekeepers_total", {
      data: { value: 1, version: before.version },
      headers: sameOrigin(baseURL!),
    });
    expect(forged.status()).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: "forbidden" } });
    const quote = await cookie.post("/api/v1/years/2023/quotes", {
      data: { speaker: "X", title: "", section: "peacekeeping", text: "Y" },
      headers: sameOrigin(baseURL!),
    });
    expect(quote.status()).toBe(403);
    const lock = await cookie.post(`/api/v1/years/${YEAR}/lock`, { headers: sameOrigin(baseURL!) });
    expect(lock.status()).toBe(403);
    const token = await tokenFor(playwright, baseURL!, "viewer");
    const viaToken = await cookie.put("/api/v1/years/2023/values/peacekeepers_total", { data: { value: 1 }, headers: { Authorization: `Bearer ${token}` } });
    expect(viaToken.status()).toBe(403);
    expect(await apiValue(cookie, 2023, "peacekeepers_total")).toEqual(before);
    await cookie.dispose();
    await viewer.context().close();
  });
});
