import ExcelJS from "exceljs";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { valuesToCsv } from "@/lib/csv/values-csv";
import { toExportRows } from "@/lib/export/model";
import { buildYearWorkbook } from "@/lib/export/xlsx";
import { parseValuesCsv } from "@/lib/import/values-csv";
import type { ImportRow } from "@/lib/import/values-table";
import { parseValuesWorkbook } from "@/lib/import/values-workbook";
import * as schema from "@/db/schema";
import { counting, createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor, createMetrics } from "@/tests/support/db-fixtures";
import { metricOf } from "@/tests/support/fixtures";
import { loadYearExport } from "../queries/export";
import { readYearContent } from "../queries/year-content";
import { importValues } from "./import";
import { lockYear, openYear } from "./years";

const META = { exportedAt: new Date("2026-11-28T10:00:00Z"), exportedBy: "Test" };
const TRIGGERS = ["=", "+", "-", "@", "\t", "\r"];

const fieldsOf = (content: Awaited<ReturnType<typeof readYearContent>>) =>
  content.values.map(({ metricKey, value, qualifier, note, source }) => ({ metricKey, value, qualifier, note, source }));

function parsedRows(csv: string): ImportRow[] {
  const parsed = parseValuesCsv(csv);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.rows;
}

describe.each(engines)("import and export on %s", (engine) => {
  let t: TestDatabase;
  let editor: Actor;
  let reviewer: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    editor = await createActor(t, "editor", "Ed Editor");
    reviewer = await createActor(t, "reviewer", "Rae Reviewer");
    for (const year of [2050, 2051, 2052, 2053, 2054, 2055, 2056]) await openYear(t.db, year, editor);
  });
  afterAll(() => t.drop());

  it("round trip through CSV: exporting 2023 and importing into 2050 reproduces every value, qualifier, note and source", async () => {
    const source = await loadYearExport(t.db, 2023);
    const result = await importValues(t.db, 2050, parsedRows(valuesToCsv(toExportRows(source!))), editor, { dryRun: false, filename: "report-desk-2023.csv" });
    expect(result.imported).toBeGreaterThan(40);
    expect(fieldsOf(await readYearContent(t.db, 2050))).toEqual(fieldsOf(await readYearContent(t.db, 2023)));
  });

  it("round trip through XLSX: the workbook's first sheet imports to the same year", async () => {
    const workbook = await buildYearWorkbook((await loadYearExport(t.db, 2023))!, META);
    const parsed = await parseValuesWorkbook(workbook);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await importValues(t.db, 2051, parsed.rows, editor, { dryRun: false, filename: "report-desk-2023.xlsx" });
    expect(fieldsOf(await readYearContent(t.db, 2051))).toEqual(fieldsOf(await readYearContent(t.db, 2023)));
  });

  it("writes numbers as numeric cells with a format per unit, under section headings", async () => {
    const workbook = await buildYearWorkbook((await loadYearExport(t.db, 2023))!, META);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(workbook as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Figures", "Quotes", "About"]);
    const figures = wb.getWorksheet("Figures")!;
    expect(figures.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(figures.getRow(2).getCell(1).value).toBe("Our peacekeeping work");
    const byKey = new Map<string, ExcelJS.Row>();
    figures.eachRow((row) => {
      const key = row.getCell(3).value;
      if (typeof key === "string") byKey.set(key, row);
    });
    const cell = (key: string) => byKey.get(key)!.getCell(6);
    expect(cell("peacekeepers_total").value).toBe(76000);
    expect(cell("peacekeepers_total").numFmt).toBe("#,##0");
    expect(typeof cell("women_mediation_teams_pct").value).toBe("number");
    expect(cell("women_mediation_teams_pct").numFmt).toBe('0.0"%"');
    expect(cell("pbf_approved_budget_usd").numFmt).toMatch(/^"\$"#,##0/);
    const about = wb.getWorksheet("About")!;
    const aboutText = about
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === "string")
      .join(" ");
    expect(aboutText).toContain("Test");
    expect(aboutText).toContain("2026-11-28T10:00:00.000Z");
  });

  it("neutralises formula triggers in CSV and XLSX and imports them back to the original text", async () => {
    const keys = (await loadYearExport(t.db, 2023))!.values.slice(0, TRIGGERS.length).map((v) => v.metricKey);
    const metricIds = await t.db.select({ id: schema.metrics.id, key: schema.metrics.key }).from(schema.metrics);
    const idOf = new Map(metricIds.map((m) => [m.key, m.id]));
    // Written directly: the form trims text, but files and old data can start with a tab.
    await t.db.insert(schema.metricValues).values(
      keys.map((key, i) => ({
        metricId: idOf.get(key)!,
        year: 2052,
        value: i,
        note: `${TRIGGERS[i]}HYPERLINK("x")`,
        // OOXML's own escape written literally, and a line break made of CR LF, must survive too.
        source: i === 0 ? "_x000D_ literal\r\nnext" : `${TRIGGERS[i]}1+1`,
      })),
    );
    const data = (await loadYearExport(t.db, 2052))!;
    const csv = valuesToCsv(toExportRows(data));
    for (const trigger of TRIGGERS) expect(csv).toContain(`'${trigger}HYPERLINK`);

    const workbook = await buildYearWorkbook(data, META);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(workbook as unknown as ArrayBuffer);
    const notes: string[] = [];
    wb.getWorksheet("Figures")!.eachRow((row) => {
      const note = row.getCell(8).value;
      if (typeof note === "string") notes.push(note);
    });
    for (const trigger of TRIGGERS) expect(notes).toContain(`'${trigger}HYPERLINK("x")`);

    await importValues(t.db, 2053, parsedRows(csv), editor, { dryRun: false, filename: "x.csv" });
    const parsed = await parseValuesWorkbook(workbook);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await importValues(t.db, 2054, parsed.rows, editor, { dryRun: false, filename: "x.xlsx" });
    const original = fieldsOf(await readYearContent(t.db, 2052));
    expect(original.filter((v) => v.note?.includes("HYPERLINK"))).toHaveLength(TRIGGERS.length);
    expect(fieldsOf(await readYearContent(t.db, 2053))).toEqual(original);
    expect(fieldsOf(await readYearContent(t.db, 2054))).toEqual(original);
  });

  it("refuses a file with unknown keys or values that break a metric's rules, naming each row, and writes nothing", async () => {
    const before = await t.db.select({ n: count() }).from(schema.valueRevisions);
    const rows = parsedRows(
      [
        "metric_key,value",
        "peacekeepers_total,100",
        "no_such_metric,5",
        "women_mediation_teams_pct,143",
        "peacekeepers_total_x,1",
        "peace_operations,2.5",
        "peacekeepers_women,12%",
      ].join("\n"),
    );
    await expect(importValues(t.db, 2055, rows, editor, { dryRun: false, filename: "bad.csv" })).rejects.toMatchObject({
      code: "validation",
      extra: {
        rows: [
          { row: 3, column: "metric_key", message: expect.stringContaining("no_such_metric") },
          { row: 4, column: "value", message: "Value must be between 0 and 100" },
          { row: 5, column: "metric_key", message: expect.any(String) },
          { row: 6, column: "value", message: "Value must be a whole number" },
          { row: 7, column: "value", message: "Value is not a percentage: leave out the “%”" },
        ],
      },
    });
    expect(await t.db.select({ n: count() }).from(schema.valueRevisions)).toEqual(before);
    expect(await t.db.select({ n: count() }).from(schema.metricValues).where(eq(schema.metricValues.year, 2055))).toEqual([{ n: 0 }]);
  });

  it("judges each row's cells once, with the messages of any other save", async () => {
    const rows = parsedRows(
      [
        "metric_key,value,qualifier,note,source",
        "peacekeepers_total,abc,,,",
        "peace_operations,1,roughly,,",
        `peacekeepers_women,1,,${"n".repeat(2001)},`,
        `women_mediation_teams_pct,1,,,${"s".repeat(1001)}`,
        "no_such_metric,abc,roughly,,",
        // Text at exactly the limits, a grouped number and a capitalised qualifier are fine.
        `contributing_countries,"1,000",Over,${"n".repeat(2000)},${"s".repeat(1000)}`,
      ].join("\n"),
    );
    await expect(importValues(t.db, 2055, rows, editor, { dryRun: true, filename: "bad.csv" })).rejects.toMatchObject({
      extra: {
        rows: [
          { row: 2, column: "value", message: expect.stringMatching(/^Value “abc” is not a number/) },
          { row: 3, column: "qualifier", message: "Qualifier must be “over”, “about” or none" },
          { row: 4, column: "note", message: "Note must be at most 2,000 characters" },
          { row: 5, column: "source", message: "Source must be at most 1,000 characters" },
          { row: 6, column: "metric_key", message: "there is no metric with the key “no_such_metric”" },
        ],
      },
    });
  });

  it("reports the reader's errors together with the database's, in row order", async () => {
    const parsed = parseValuesCsv("metric_key,value\nno_such_metric,1\npeace_operations,abc\npeace_operations,5\n");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    await expect(importValues(t.db, 2055, parsed.rows, editor, { dryRun: false, filename: "x.csv", parseErrors: parsed.errors })).rejects.toMatchObject({
      extra: {
        rows: [
          { row: 2, column: "metric_key" },
          { row: 3, column: "value" },
          { row: 4, column: "metric_key" },
        ],
      },
    });
    expect(await t.db.select({ n: count() }).from(schema.metricValues).where(eq(schema.metricValues.year, 2055))).toEqual([{ n: 0 }]);
  });

  it("previews changes old → new on a dry run without writing, then applies with one revision per changed row", async () => {
    const csv = 'metric_key,value,qualifier,note\npeacekeepers_total,"1,200",over,first\npeace_operations,3,,\n';
    const dry = await importValues(t.db, 2056, parsedRows(csv), editor, { dryRun: true, filename: "a.csv" });
    expect(dry).toMatchObject({ imported: 0, dryRun: true, unchanged: 0 });
    expect(dry.changes).toEqual([
      {
        row: 2,
        metricKey: "peacekeepers_total",
        label: "Total peacekeepers",
        unit: "count",
        from: null,
        to: { value: 1200, qualifier: "over", note: "first", source: null },
      },
      expect.objectContaining({ row: 3, metricKey: "peace_operations", from: null, to: { value: 3, qualifier: null, note: null, source: null } }),
    ]);
    expect(await t.db.select({ n: count() }).from(schema.metricValues).where(eq(schema.metricValues.year, 2056))).toEqual([{ n: 0 }]);

    expect(await importValues(t.db, 2056, parsedRows(csv), editor, { dryRun: false, filename: "a.csv" })).toMatchObject({ imported: 2 });
    // Same file again, with one row changed: only that row is written.
    const again = await importValues(t.db, 2056, parsedRows(csv.replace("peace_operations,3", "peace_operations,4")), editor, {
      dryRun: false,
      filename: "b.csv",
    });
    expect(again).toMatchObject({ imported: 1, unchanged: 1 });
    expect(again.changes[0]).toMatchObject({ metricKey: "peace_operations", from: { value: 3 }, to: { value: 4 } });

    const revisions = await t.db
      .select({ reason: schema.valueRevisions.reason, value: schema.valueRevisions.value, version: schema.valueRevisions.version })
      .from(schema.valueRevisions)
      .where(eq(schema.valueRevisions.year, 2056))
      .orderBy(schema.valueRevisions.id);
    expect(revisions).toEqual([
      { reason: "import: a.csv", value: 1200, version: 1 },
      { reason: "import: a.csv", value: 3, version: 1 },
      { reason: "import: b.csv", value: 4, version: 2 },
    ]);
    const audit = await t.db
      .select({ detail: schema.auditLog.detail, actorId: schema.auditLog.actorId })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "import_applied"), eq(schema.auditLog.year, 2056)));
    expect(audit).toEqual([
      { actorId: editor.id, detail: { filename: "a.csv", rows: 2, changed: 2, unchanged: 0 } },
      { actorId: editor.id, detail: { filename: "b.csv", rows: 2, changed: 1, unchanged: 1 } },
    ]);
  });

  it("imports 10,000 rows in one transaction with a handful of statements, not one per row", async () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `bulk_${String(i).padStart(5, "0")}`);
    await createMetrics(
      t,
      keys.map((key) => metricOf(key)),
    );
    await openYear(t.db, 2058, editor);
    const csv = ["metric_key,value,qualifier,note,source", ...keys.map((k, i) => `${k},"${(i * 7).toLocaleString("en-US")}",over,note ${i},src`)].join("\n");
    // How fast it runs is the benchmark's business (docs/decisions/008); what makes it fast is
    // that rows travel in batches, which a statement count proves on any machine.
    const c = counting(t);
    const result = await importValues(c.db, 2058, parsedRows(csv), editor, { dryRun: false, filename: "big.csv" });
    expect(result.imported).toBe(10_000);
    expect(c.count()).toBeLessThanOrEqual(20);
    const [{ n }] = (await t.db.select({ n: count() }).from(schema.valueRevisions).where(eq(schema.valueRevisions.year, 2058))) as [{ n: number }];
    expect(n).toBe(10_000);
  });

  it("refuses an import into a locked year with 'locked', writing nothing", async () => {
    await lockYear(t.db, 2051, reviewer);
    const before = await readYearContent(t.db, 2051);
    await expect(
      importValues(t.db, 2051, parsedRows("metric_key,value\npeacekeepers_total,1\n"), editor, { dryRun: false, filename: "x.csv" }),
    ).rejects.toMatchObject({ code: "locked" });
    expect(await readYearContent(t.db, 2051)).toEqual(before);
  });
});
