/**
 * Spreadsheet downloads, with exceljs.
 *
 * The "Figures" sheet has the CSV's columns and header names, so a downloaded workbook can be
 * edited and uploaded again (lib/import/values-workbook.ts reads it). Section headings are rows
 * with only their first cell filled.
 *
 * Numbers are numeric cells. Percentages are stored as the figure itself (43 for 43%) with the
 * format `0.0"%"`, not as a fraction with `0%`: the cell then holds exactly what the report and
 * the CSV say, so sums and imports need no conversion.
 */
import ExcelJS from "exceljs";
import type { Unit } from "@/lib/domain";
import { neutraliseCell } from "@/lib/csv/formula";
import { EXPORT_COLUMNS, PROVENANCE_COLUMNS } from "@/lib/csv/values-csv";
import { PROVENANCE_FIELDS } from "@/lib/validation/provenance";
import { toIsoUtc } from "@/lib/time/utc";
import type { ExportMeta, ExportValue, ExportYear } from "./model";

/** The number format of a value cell: thousands separators, the unit, decimals only when present. */
function numberFormat(unit: Unit, value: number): string {
  const whole = Number.isInteger(value);
  switch (unit) {
    case "percent":
      return '0.0"%"';
    case "usd":
      return whole ? '"$"#,##0' : '"$"#,##0.00';
    default:
      return whole ? "#,##0" : "#,##0.0##";
  }
}

// The Figures sheet: the CSV's columns, then the value's printed wording and provenance.
const SHEET_COLUMNS = [...EXPORT_COLUMNS, ...PROVENANCE_COLUMNS] as const;

const WIDTHS: Record<(typeof SHEET_COLUMNS)[number], number> = {
  year: 8,
  section: 22,
  metric_key: 30,
  label: 46,
  unit: 9,
  value: 16,
  qualifier: 10,
  note: 40,
  source: 50,
  updated_at: 25,
  updated_by: 20,
  wording: 12,
  source_producer: 30,
  source_title: 40,
  source_url: 40,
  source_published: 14,
  source_accessed: 14,
  source_phrase: 60,
};

const HEADING_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E7EB" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDBEAFE" } };

/**
 * Text for a cell, as OOXML escapes it: XML turns a carriage return into a line feed and
 * cannot hold other control characters, so they are written `_x000D_`; a literal `_x…_`
 * is protected as `_x005F_x…_`. Excel and exceljs decode both, so text survives exactly.
 */
function ooxmlText(s: string): string {
  return s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** A free-text cell: neutralised like the CSV, so no spreadsheet runs it as a formula. */
const text = (s: string | null) => (s === null ? null : ooxmlText(neutraliseCell(s)));

/** A timestamp cell in UTC (zone-less text read as UTC, as in the CSV); text that is no moment is written as text. */
const timestamp = (v: Date | string | null): string | null => (v === null ? null : (toIsoUtc(v) ?? (typeof v === "string" ? text(v) : null)));

function sheet(wb: ExcelJS.Workbook, name: string) {
  return wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
}

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
}

/** A figures sheet: header, then per section a heading row and its metrics. */
function addFiguresSheet(wb: ExcelJS.Workbook, name: string, y: ExportYear) {
  const ws = sheet(wb, name);
  ws.columns = SHEET_COLUMNS.map((c) => ({ header: c, key: c, width: WIDTHS[c] }));
  styleHeader(ws.getRow(1));
  const titles = new Map(y.sections.map((s) => [s.key, s.title]));
  const order = [...y.sections.map((s) => s.key), ...new Set(y.values.map((v) => v.section))];
  for (const section of new Set(order)) {
    const rows = y.values.filter((v) => v.section === section);
    if (rows.length === 0) continue;
    const heading = ws.addRow([text(titles.get(section) ?? section)]);
    heading.font = { bold: true, size: 12 };
    heading.eachCell({ includeEmpty: true }, (c) => {
      c.fill = HEADING_FILL;
    });
    ws.mergeCells(heading.number, 1, heading.number, SHEET_COLUMNS.length);
    for (const v of rows) addValueRow(ws, y.year, v);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SHEET_COLUMNS.length } };
  return ws;
}

function addValueRow(ws: ExcelJS.Worksheet, year: number, v: ExportValue) {
  const row = ws.addRow([
    year,
    text(v.section),
    text(v.metricKey),
    text(v.label),
    text(v.unit),
    v.value, // numeric, never neutralised: -5 stays a number
    v.qualifier ?? null,
    text(v.note),
    text(v.source),
    timestamp(v.updatedAt),
    text(v.updatedBy),
    ...PROVENANCE_FIELDS.map((f) => text(v[f] ?? null)),
  ]);
  if (v.value !== null) row.getCell(6).numFmt = numberFormat(v.unit, v.value);
  row.getCell(8).alignment = { wrapText: true, vertical: "top" };
  row.getCell(9).alignment = { wrapText: true, vertical: "top" };
}

function addQuotesSheet(wb: ExcelJS.Workbook, y: ExportYear) {
  const ws = sheet(wb, "Quotes");
  ws.columns = [
    { header: "section", key: "section", width: 24 },
    { header: "speaker", key: "speaker", width: 28 },
    { header: "title", key: "title", width: 36 },
    { header: "text", key: "text", width: 90 },
  ];
  styleHeader(ws.getRow(1));
  for (const q of y.quotes) {
    const row = ws.addRow([text(q.section), text(q.speaker), text(q.title), text(q.text)]);
    row.getCell(4).alignment = { wrapText: true, vertical: "top" };
  }
}

function addAboutSheet(wb: ExcelJS.Workbook, lines: [string, string | number | null][]) {
  const ws = sheet(wb, "About");
  ws.columns = [
    { header: "item", key: "item", width: 26 },
    { header: "value", key: "value", width: 80 },
  ];
  styleHeader(ws.getRow(1));
  for (const [item, value] of lines) ws.addRow([item, typeof value === "string" ? text(value) : value]);
}

const PERCENT_NOTE = 'Percent figures are stored as the number itself (43 means 43%), formatted 0.0"%".';

async function toBuffer(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function newWorkbook(meta: ExportMeta) {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.exportedBy;
  wb.created = meta.exportedAt;
  return wb;
}

/** One year: "Figures", "Quotes" and "About". */
export async function buildYearWorkbook(y: ExportYear, meta: ExportMeta): Promise<Uint8Array> {
  const wb = newWorkbook(meta);
  addFiguresSheet(wb, "Figures", y);
  addQuotesSheet(wb, y);
  const snap = y.snapshot;
  addAboutSheet(wb, [
    ["Year", y.year],
    ["Status", y.status],
    ["Figures from", y.fromSnapshot && snap ? `snapshot ${snap.id}` : "live data"],
    ["Exported at", meta.exportedAt.toISOString()],
    ["Exported by", meta.exportedBy],
    [y.fromSnapshot ? "Snapshot sha256" : "Latest snapshot sha256", snap?.sha256 ?? "no snapshot yet"],
    [y.fromSnapshot ? "Snapshot taken at" : "Latest snapshot taken at", snap ? snap.createdAt.toISOString() : null],
    ["Note", PERCENT_NOTE],
  ]);
  return toBuffer(wb);
}

/** Every year for analysts: one figures sheet per year, newest first, then "About". */
export async function buildAllYearsWorkbook(years: ExportYear[], meta: ExportMeta): Promise<Uint8Array> {
  const wb = newWorkbook(meta);
  for (const y of years) addFiguresSheet(wb, String(y.year), y);
  addAboutSheet(wb, [
    ["Years", years.map((y) => `${y.year} (${y.status})`).join(", ") || "none"],
    ["Exported at", meta.exportedAt.toISOString()],
    ["Exported by", meta.exportedBy],
    ["Note", PERCENT_NOTE],
  ]);
  return toBuffer(wb);
}
