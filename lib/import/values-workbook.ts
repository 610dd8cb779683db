/**
 * An uploaded workbook's first sheet, read as the figures file it is: the "Figures" sheet of a
 * download (lib/export/xlsx.ts) edited in a spreadsheet, or any sheet with the CSV's columns.
 * Section headings and spacers (rows with no metric key, value, qualifier, note or source) are
 * skipped; the rows are then read by the same rules as a CSV (./values-table.ts).
 */
import ExcelJS from "exceljs";
import { formatPlainNumber } from "@/lib/csv/rfc4180";
import { unpackedSize } from "@/lib/import/zip-size";
import { IMPORT_COLUMNS, parseValuesTable, type ParseValuesResult } from "./values-table";

/** A cell as the text the CSV would hold: numbers written plainly so they re-parse exactly. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? formatPlainNumber(value) : String(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString();
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    // The last value Excel computed; we never evaluate formulas ourselves.
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || typeof result === "object" ? "" : cellText(result);
  }
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}

export class UnreadableWorkbookError extends Error {}

/**
 * The first sheet of an uploaded workbook, checked with the CSV's rules. Rows keep their
 * spreadsheet numbers; rows with nothing to import (section headings, spacers) are skipped.
 */
export async function parseValuesWorkbook(data: Uint8Array, opts?: { maxRows?: number; maxUnpackedBytes?: number }): Promise<ParseValuesResult> {
  const unreadable = () => new UnreadableWorkbookError("The file is not a readable .xlsx workbook");
  if (opts?.maxUnpackedBytes !== undefined) {
    let size: number | null;
    try {
      size = await unpackedSize(data, opts.maxUnpackedBytes);
    } catch {
      throw unreadable();
    }
    if (size === null) {
      throw new UnreadableWorkbookError(`The workbook unpacks to more than ${opts.maxUnpackedBytes / 1024 / 1024} MB: split it into smaller files`);
    }
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, errors: [{ row: 1, column: "", message: "the workbook has no sheets" }], rows: [] };
  const maxRows = opts?.maxRows;
  // Checked before reading cells: a sheet claiming a million rows costs nothing more.
  if (maxRows !== undefined && ws.actualRowCount - 1 > maxRows) {
    return {
      ok: false,
      errors: [
        {
          row: 1,
          column: "",
          message: `the sheet has ${(ws.actualRowCount - 1).toLocaleString("en-US")} data rows; at most ${maxRows.toLocaleString("en-US")} are allowed`,
        },
      ],
      rows: [],
    };
  }
  const header = ws.getRow(1);
  const width = header.cellCount;
  // A merged range repeats its first cell's value in every cell: read only that first cell.
  const read = (row: ExcelJS.Row, column: number) => {
    const cell = row.getCell(column);
    return cell.isMerged && cell.master.address !== cell.address ? "" : cellText(cell.value);
  };
  const headerCells = Array.from({ length: width }, (_, i) => read(header, i + 1));
  const importable = headerCells.map((h) => IMPORT_COLUMNS.has(h.trim().toLowerCase()));
  const table: string[][] = [headerCells];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = Array.from({ length: width }, (_, i) => read(row, i + 1));
    const hasData = cells.some((c, i) => importable[i] && c.trim() !== "");
    table.push(hasData ? cells : []);
  }
  return parseValuesTable(table, opts);
}
