import ExcelJS from "exceljs";
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { PEOPLE, tokenFor } from "./api";
import { zipOf } from "@/tests/support/zip";
import { pageAs, visit } from "./year-page";

// This spec writes only in 2050–2059.
const CSV = { "Content-Type": "text/csv" };

async function bearer(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, role: "editor" | "viewer" | "reviewer") {
  const token = await tokenFor(playwright, baseURL, role);
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}

async function openYear(api: APIRequestContext, year: number) {
  expect([201, 409]).toContain((await api.post("/api/v1/years", { data: { year } })).status());
}

const valuesOf = async (api: APIRequestContext, year: number) =>
  (
    (await (await api.get(`/api/v1/years/${year}/values`)).json()) as {
      values: { metricKey: string; value: number | null; qualifier: string | null; note: string | null; source: string | null; version: number }[];
    }
  ).values;

test.describe("export, import and snapshots", () => {
  test("exports a year as CSV, XLSX and JSON downloads; the JSON hash is stable", async ({ playwright, baseURL }) => {
    const api = await bearer(playwright, baseURL!, "viewer");
    const csv = await api.get("/api/v1/years/2023/export?format=csv");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-disposition"]).toBe('attachment; filename="report-desk-2023.csv"');
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe("year,section,metric_key,label,unit,value,qualifier,note,source,updated_at,updated_by");
    expect(text).toContain("2023,peacekeeping,peacekeepers_total,Total peacekeepers,count,76000,over,");

    const xlsx = await api.get("/api/v1/years/2023/export?format=xlsx");
    expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsx.headers()["content-disposition"]).toBe('attachment; filename="report-desk-2023.xlsx"');
    const wb = new ExcelJS.Workbook();
    // exceljs types its input as an old-style Buffer; the bytes are what it reads.
    await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Figures", "Quotes", "About"]);

    const [a, b] = await Promise.all([api.get("/api/v1/years/2023/export?format=json"), api.get("/api/v1/years/2023/export?format=json")]);
    const [ja, jb] = [await a.json(), await b.json()];
    expect(ja).toMatchObject({ format: "report-desk/export@1", year: 2023, exportedBy: PEOPLE.viewer.name, content: { format: "report-desk/year@1" } });
    expect(ja.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(jb.contentSha256).toBe(ja.contentSha256);

    const all = await api.get("/api/v1/export?format=csv");
    expect(all.headers()["content-disposition"]).toBe('attachment; filename="report-desk-all-years.csv"');
    expect(await all.text()).toContain("\r\n2023,peacekeeping,peacekeepers_total,");
    expect((await api.get("/api/v1/years/2023/export?format=pdf")).status()).toBe(400);
    await api.dispose();
  });

  test("round trips through the API: 2023 exported as CSV and as XLSX imports into 2054 and 2055 unchanged", async ({ playwright, baseURL }) => {
    const api = await bearer(playwright, baseURL!, "editor");
    const fields = (values: Awaited<ReturnType<typeof valuesOf>>) =>
      values.map(({ metricKey, value, qualifier, note, source }) => ({ metricKey, value, qualifier, note, source }));
    const original = fields(await valuesOf(api, 2023));
    for (const [year, format, type] of [
      [2054, "csv", "text/csv"],
      [2055, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ] as const) {
      await openYear(api, year);
      const file = await (await api.get(`/api/v1/years/2023/export?format=${format}`)).body();
      const imported = await api.post(`/api/v1/years/${year}/import?filename=report-desk-2023.${format}`, { data: file, headers: { "Content-Type": type } });
      expect(imported.status(), await imported.text()).toBe(200);
      expect(fields(await valuesOf(api, year))).toEqual(original);
    }
    await api.dispose();
  });

  test("refuses hostile files with 4xx and row errors, writing nothing", async ({ playwright, baseURL }) => {
    test.setTimeout(90_000);
    const api = await bearer(playwright, baseURL!, "editor");
    await openYear(api, 2050);
    const before = await valuesOf(api, 2050);
    const post = (data: string | Buffer, headers: Record<string, string> = CSV) => api.post("/api/v1/years/2050/import", { data, headers });
    const rowsOf = async (r: Awaited<ReturnType<typeof post>>) =>
      ((await r.json()) as { rows?: { row: number; column: string; message: string }[] }).rows ?? [];

    const empty = await post("");
    expect(empty.status()).toBe(422);
    expect(await rowsOf(empty)).toEqual([{ row: 1, column: "", message: "the file has no data rows" }]);

    expect(await rowsOf(await post("metric_key,value\r\n"))).toEqual([{ row: 1, column: "", message: "the file has no data rows" }]);

    const garbage = await post(Buffer.from([0xff, 0xfe, 0x00, 0x9f, 0x92, 0x00, 0x01, 0x02, 0xc3, 0x28]), { "Content-Type": "application/octet-stream" });
    expect(garbage.status()).toBe(422);
    expect((await rowsOf(garbage))[0]?.message).toMatch(/not UTF-8|binary/);

    const zipGarbage = await post(Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(200, 7)]), { "Content-Type": "application/octet-stream" });
    expect(zipGarbage.status()).toBe(422);
    expect((await rowsOf(zipGarbage))[0]?.message).toMatch(/not a readable \.xlsx/);

    // 60 MB of XML in a 60 KB upload: refused before exceljs unpacks it in memory.
    const bomb = await post(zipOf([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(60 * 1024 * 1024, " ") }], 10), {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(bomb.status()).toBe(422);
    expect((await rowsOf(bomb))[0]?.message).toMatch(/unpacks to more than 50 MB/);

    const noKeyColumn = await post("Value,note\n5,x\n");
    expect(await rowsOf(noKeyColumn)).toEqual([{ row: 1, column: "metric_key", message: "missing required column “metric_key”" }]);

    const semicolons = await post("metric_key;value\npeacekeepers_total;5\n");
    expect(semicolons.status()).toBe(422);
    expect((await rowsOf(semicolons))[0]?.message).toMatch(/comma separated/);

    const huge = await post(Buffer.alloc(25 * 1024 * 1024, "a"));
    expect(huge.status()).toBe(413);
    expect((await huge.json()).error.message).toMatch(/larger than 5 MB/);

    const many = await post(`metric_key,value\n${Array.from({ length: 30_000 }, (_, i) => `k${i},1`).join("\n")}\n`);
    expect(many.status()).toBe(422);
    expect((await rowsOf(many))[0]?.message).toMatch(/30,000 data rows; at most 20,000/);

    const duplicates = await post("metric_key,value\npeacekeepers_total,5\npeacekeepers_total,6\n");
    expect(await rowsOf(duplicates)).toEqual([{ row: 3, column: "metric_key", message: "metric_key “peacekeepers_total” already appears on row 2" }]);

    const mixed = await post(
      'Metric_Key,VALUE,qualifier\npeacekeepers_total,"1,500",over\nno_such_metric,4,\npeace_operations,abc,\nwomen_mediation_teams_pct,101,\n',
    );
    expect(mixed.status()).toBe(422);
    expect((await rowsOf(mixed)).map((r) => [r.row, r.column])).toEqual([
      [3, "metric_key"],
      [4, "value"],
      [5, "value"],
    ]);

    expect((await post("metric_key,value\npeacekeepers_total,1\n", { "Content-Type": "application/json" })).status()).toBe(415);
    expect(await valuesOf(api, 2050)).toEqual(before);
    await api.dispose();
  });

  test("a dry run previews; applying writes revisions named after the file; locked years and viewers are refused", async ({ playwright, baseURL }) => {
    const api = await bearer(playwright, baseURL!, "editor");
    await openYear(api, 2052);
    const file = '\uFEFFmetric_key,value,qualifier,note\npeacekeepers_total,"2,000",over,\'=SUM(A1)\npeace_operations,7,,\n';
    const dry = await api.post("/api/v1/years/2052/import?dryRun=1", { data: file, headers: CSV });
    expect(dry.status()).toBe(200);
    expect(await dry.json()).toMatchObject({
      imported: 0,
      dryRun: true,
      changes: [{ row: 2, metricKey: "peacekeepers_total", to: { value: 2000, note: "=SUM(A1)" } }, { row: 3 }],
    });
    expect((await valuesOf(api, 2052)).find((v) => v.metricKey === "peacekeepers_total")?.value).toBeNull();

    const applied = await api.post("/api/v1/years/2052/import", {
      data: file,
      headers: { ...CSV, "Content-Disposition": 'attachment; filename="figures 2052.csv"' },
    });
    expect(await applied.json()).toEqual({ imported: 2, unchanged: 0 });
    const history = await (await api.get("/api/v1/years/2052/values/peacekeepers_total/history")).json();
    expect(history.revisions[0]).toMatchObject({ value: 2000, qualifier: "over", note: "=SUM(A1)", reason: "import: figures 2052.csv" });
    // The same file again changes nothing and adds no revision.
    expect(await (await api.post("/api/v1/years/2052/import", { data: file, headers: CSV })).json()).toEqual({ imported: 0, unchanged: 2 });

    const viewer = await bearer(playwright, baseURL!, "viewer");
    expect((await viewer.post("/api/v1/years/2052/import", { data: file, headers: CSV })).status()).toBe(403);
    await viewer.dispose();

    await openYear(api, 2059);
    const reviewer = await bearer(playwright, baseURL!, "reviewer");
    expect([200, 409]).toContain((await reviewer.post("/api/v1/years/2059/lock")).status());
    await reviewer.dispose();
    const locked = await api.post("/api/v1/years/2059/import", { data: file, headers: CSV });
    expect(locked.status()).toBe(423);
    await api.dispose();
  });

  test("snapshots: editors take them, anyone lists and reads them, downloads come from the frozen content", async ({ playwright, baseURL }) => {
    const api = await bearer(playwright, baseURL!, "editor");
    await openYear(api, 2053);
    await api.post("/api/v1/years/2053/import", { data: "metric_key,value\npeace_operations,5\n", headers: CSV });
    const created = await api.post("/api/v1/years/2053/snapshots", { data: { reason: "e2e check" } });
    expect(created.status()).toBe(201);
    const snapshot = await created.json();
    expect(snapshot).toMatchObject({ year: 2053, reason: "e2e check", createdBy: PEOPLE.editor.name, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const json = await (await api.get("/api/v1/years/2053/export?format=json")).json();
    expect(json.contentSha256).toBe(snapshot.sha256);
    expect(json.latestSnapshot).toMatchObject({ id: snapshot.id, sha256: snapshot.sha256 });

    await api.post("/api/v1/years/2053/import", { data: "metric_key,value\npeace_operations,6\n", headers: CSV });
    const viewer = await bearer(playwright, baseURL!, "viewer");
    expect((await viewer.post("/api/v1/years/2053/snapshots", { data: {} })).status()).toBe(403);
    const list = await (await viewer.get("/api/v1/years/2053/snapshots?limit=1")).json();
    expect(list.snapshots).toEqual([snapshot]);
    const one = await (await viewer.get(`/api/v1/snapshots/${snapshot.id}`)).json();
    expect(one.content.values.find((v: { metricKey: string }) => v.metricKey === "peace_operations")).toMatchObject({ value: 5 });
    const frozenCsv = await (await viewer.get(`/api/v1/snapshots/${snapshot.id}/export?format=csv`)).text();
    expect(frozenCsv).toContain("2053,peacekeeping,peace_operations,");
    expect(frozenCsv).toMatch(/peace_operations,[^\r\n]*,count,5,/);
    expect((await viewer.get("/api/v1/snapshots/999999")).status()).toBe(404);
    await viewer.dispose();
    await api.dispose();
  });

  test("an editor uploads a CSV into 2051, sees one error, fixes the file, applies it and sees the new values", async ({ browser, playwright, baseURL }) => {
    const api = await bearer(playwright, baseURL!, "editor");
    await openYear(api, 2051);
    await api.dispose();
    const page = await pageAs(browser, "editor");
    await page.goto("/years/2051");
    await page.getByRole("link", { name: "Import…" }).click();
    await expect(page.getByRole("heading", { name: "Import figures into 2051" })).toBeVisible();

    const bad = 'metric_key,value,qualifier\npeacekeepers_total,"81,500",over\npeace_operations,12.5,\n';
    await page.getByLabel("File (CSV or Excel)").setInputFiles({ name: "figures-2051.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "Check file" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "nothing was imported" });
    await expect(alert).toContainText("1 problem");
    await expect(alert.getByRole("row").nth(1)).toContainText(/3\s*value\s*Value must be a whole number/);
    await page.screenshot({ path: "test-results/screens/import-error-1400.png", fullPage: true });

    const good = bad.replace("12.5", "12");
    await page.getByLabel("File (CSV or Excel)").setInputFiles({ name: "figures-2051.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByRole("heading", { name: "2 changes to apply" })).toBeVisible();
    await expect(page.locator('[data-metric="peacekeepers_total"]')).toContainText("over 81,500");
    await page.screenshot({ path: "test-results/screens/import-preview-1400.png", fullPage: true });
    await page.getByRole("button", { name: "Apply 2 changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Imported 2 values" })).toBeVisible();

    await page.getByRole("link", { name: "See the 2051 figures" }).click();
    await expect(page.locator('[data-metric="peacekeepers_total"]')).toContainText("over 81,500");
    await expect(page.locator('[data-metric="peace_operations"]')).toContainText("12");
  });

  test("snapshot pages and the printable fact sheet render, without the app's navigation when printed", async ({ browser }) => {
    const page = await pageAs(browser, "editor");
    await visit(page, "/years/2053/snapshots");
    await page.getByLabel("Reason (optional)").fill("from the page");
    await page.getByRole("button", { name: "Take snapshot now" }).click();
    await expect(page.getByRole("status")).toContainText(/Snapshot \d+ taken/);
    await expect(page.getByRole("cell", { name: "from the page" })).toBeVisible();
    await page
      .getByRole("link", { name: /e2e check/ })
      .or(
        page
          .getByRole("row")
          .filter({ hasText: "e2e check" })
          .getByRole("link", { name: /changes since/ }),
      )
      .first()
      .click();
    await expect(page.getByRole("heading", { name: /changes since snapshot/ })).toBeVisible();
    await expect(page.locator('[data-metric="peace_operations"]')).toContainText("5");
    await expect(page.locator('[data-metric="peace_operations"]')).toContainText("6");
    await page.screenshot({ path: "test-results/screens/snapshot-changes-1400.png", fullPage: true });

    await page.goto("/years/2023/print");
    await expect(page.getByRole("heading", { name: "2023 in figures" })).toBeVisible();
    // The section's heading; the chapter's own box title of the same words is a level below it.
    await expect(page.getByRole("heading", { level: 2, name: "Our peacekeeping work" })).toBeVisible();
    await expect(page.getByText("over 76,000").first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Sources" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
    await page.screenshot({ path: "test-results/screens/print-2023.png", fullPage: true });
    const pdf = await page.pdf({ format: "A4", path: "test-results/screens/print-2023.pdf" });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  });

  test("the new pages fit a phone's width", async ({ browser }) => {
    const page = await pageAs(browser, "editor", { width: 390, height: 844 });
    for (const [path, name] of [
      ["/years/2051", "year"],
      ["/years", "years"],
      ["/years/2051/import", "import"],
      ["/years/2053/snapshots", "snapshots"],
      ["/years/2023/print", "print"],
    ] as const) {
      await page.goto(path);
      await expect(page.locator("h1")).toBeVisible();
      await page.screenshot({ path: `test-results/screens/${name}-390.png`, fullPage: true });
      // Nothing wider than the screen, apart from tables that scroll inside their own box.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1400, height: 900 });
    for (const [path, name] of [
      ["/years/2051", "year"],
      ["/years", "years"],
      ["/years/2053/snapshots", "snapshots"],
    ] as const) {
      await page.goto(path);
      await page.screenshot({ path: `test-results/screens/${name}-1400.png`, fullPage: true });
    }
  });

  test("print and snapshot pages require sign-in", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/years/2023/print");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fyears%2F2023%2Fprint/);
    await context.close();
  });
});
