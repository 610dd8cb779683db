/**
 * Cells pasted into the entry grid from Excel, LibreOffice or Google Sheets. They put a copied
 * range on the clipboard as tab-separated text: rows end in CRLF (Excel) or LF, and a cell holding
 * a tab, a line break or a quote is quoted with its quotes doubled. Pure: the grid runs it in the
 * browser, and what it returns is saved through saveValues like anything typed.
 */
import Papa from "papaparse";

/** Columns in the order a pasted range is read; a range wider than this keeps only these. */
const PASTE_COLUMNS = ["value", "qualifier", "source", "note"] as const;

/** One pasted row. A column the range did not cover is absent; an empty cell is "". */
export type PastedRow = { value: string; qualifier?: string; source?: string; note?: string };

export function parsePastedCells(text: string): PastedRow[] {
  // Papa's own guess of the line ending ignores breaks inside quoted cells, so CRLF rows with
  // LF inside a cell (Excel's way) split right; no header, every cell kept as text.
  const { data } = Papa.parse<string[]>(text, { delimiter: "\t", skipEmptyLines: false });
  const rows = data.map(toRow);
  // The line break after the last row (Excel always adds one) and blank lines below the range
  // are not rows; a blank row between two others is, so the rows after it stay where they were.
  while (rows.length > 0 && isBlank(rows[rows.length - 1]!)) rows.pop();
  return rows;
}

function toRow(cells: string[]): PastedRow {
  const row: PastedRow = { value: cells[0] ?? "" };
  PASTE_COLUMNS.forEach((column, i) => {
    if (i > 0 && i < cells.length) row[column] = cells[i]!;
  });
  return row;
}

const isBlank = (row: PastedRow) => PASTE_COLUMNS.every((column) => (row[column] ?? "").trim() === "");
