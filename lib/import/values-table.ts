/**
 * The rows of an uploaded figures file (CSV, or a workbook's first sheet), read by header name
 * so a file re-ordered or annotated in Excel still loads.
 *
 * Only the file's shape is judged here: the header, the number of rows and fields, and that
 * each row names one metric once. The cells themselves (value, qualifier, note, source) are
 * judged once, by `importValues` with the value schema and the metric's own rules, so an
 * imported row gets the same messages as a value typed on the year page or sent to the API.
 */
import { restoreCell } from "@/lib/csv/formula";

/** One data row, its cells decoded but not yet judged. `row` is the spreadsheet row: the header is row 1. */
export type ImportRow = {
  row: number;
  metricKey: string;
  /** The value cell as written, trimmed: the metric's rules judge "76,000", "43%" or "$5". */
  value: string;
  /** The qualifier cell trimmed and lower-cased ("", "none", "over", "about", or what else was written). */
  qualifier: string;
  /** null when the cell is empty or blank; otherwise the text as written. */
  note: string | null;
  source: string | null;
};

/** `column` is "" when the error concerns the file or the whole row, not one cell. */
export type RowError = { row: number; column: string; message: string };

/**
 * On failure, `rows` still holds the rows that were read, so a caller can check them against the
 * database too and report every problem of the file at once. Empty for file-level errors.
 */
export type ParseValuesResult = { ok: true; rows: ImportRow[] } | { ok: false; errors: RowError[]; rows: ImportRow[] };

const DEFAULT_MAX_ROWS = 20_000;

const REQUIRED = ["metric_key", "value"] as const;
const OPTIONAL = ["qualifier", "note", "source"] as const;
/** The columns an import reads; any other column is ignored. */
export const IMPORT_COLUMNS: ReadonlySet<string> = new Set([...REQUIRED, ...OPTIONAL]);
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");

/** Maps required/optional column names to their index, or returns header errors. */
function readHeader(header: string[]): { index: Partial<Record<Column, number>>; errors: RowError[] } {
  const names = header.map((h) => h.trim().toLowerCase());
  const index: Partial<Record<Column, number>> = {};
  const errors: RowError[] = [];
  for (const col of [...REQUIRED, ...OPTIONAL]) {
    const at = names.indexOf(col);
    if (at === -1) continue;
    if (names.indexOf(col, at + 1) !== -1) {
      errors.push({ row: 1, column: col, message: `column “${col}” appears more than once` });
    }
    index[col] = at;
  }
  const missing = REQUIRED.filter((c) => index[c] === undefined);
  if (missing.length > 0) {
    // A file saved with ';' or tabs (common in European Excel locales) arrives as one
    // header cell such as "metric_key;value": say what is actually wrong.
    const sep = names.join(",").match(/[;\t|]/)?.[0];
    if (sep !== undefined) {
      const shown = sep === "\t" ? "tab" : `“${sep}”`;
      return {
        index,
        errors: [{ row: 1, column: "", message: `the file must be comma separated (it appears to use ${shown})` }],
      };
    }
    for (const c of missing) errors.push({ row: 1, column: c, message: `missing required column “${c}”` });
  }
  return { index, errors };
}

/** Optional free text: restore the formula prefix, empty or whitespace-only → null. */
function optionalText(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === "") return null;
  return restoreCell(raw);
}

/**
 * Reads a grid of cells already split into records: record i is spreadsheet row i + 1, so
 * callers keep empty rows as empty arrays. Collects every error rather than stopping at the first.
 */
export function parseValuesTable(table: string[][], opts?: { maxRows?: number }): ParseValuesResult {
  const maxRows = opts?.maxRows ?? DEFAULT_MAX_ROWS;
  const [header, ...records] = table;
  // Record i of the file is spreadsheet row i + 2 (header is row 1); blank records keep their number.
  const data = records.map((cells, i) => ({ row: i + 2, cells })).filter((r) => !isBlank(r.cells));
  const noData: ParseValuesResult = { ok: false, errors: [{ row: 1, column: "", message: "the file has no data rows" }], rows: [] };
  if (header === undefined || (isBlank(header) && data.length === 0)) return noData;

  // Header problems first: for a header-only file with a wrong delimiter, that is the real news.
  const { index, errors: headerErrors } = readHeader(header);
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors, rows: [] };
  if (data.length === 0) return noData;

  // Checked before any per-row work so an oversized upload costs as little as possible.
  if (data.length > maxRows) {
    return {
      ok: false,
      errors: [
        {
          row: 1,
          column: "",
          message: `the file has ${data.length.toLocaleString("en-US")} data rows; at most ${maxRows.toLocaleString("en-US")} are allowed`,
        },
      ],
      rows: [],
    };
  }

  const errors: RowError[] = [];
  const rows: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  const cell = (cells: string[], col: Column) => {
    const at = index[col];
    return at === undefined ? undefined : cells[at];
  };

  for (const { row, cells } of data) {
    if (cells.length !== header.length) {
      errors.push({ row, column: "", message: `expected ${header.length} fields like the header, found ${cells.length}` });
      continue;
    }
    const metricKey = restoreCell((cell(cells, "metric_key") ?? "").trim());
    if (metricKey === "") {
      errors.push({ row, column: "metric_key", message: "metric_key is empty" });
      continue;
    }
    const first = firstRowOf.get(metricKey);
    if (first !== undefined) {
      errors.push({ row, column: "metric_key", message: `metric_key “${metricKey}” already appears on row ${first}` });
      continue;
    }
    firstRowOf.set(metricKey, row);
    rows.push({
      row,
      metricKey,
      value: (cell(cells, "value") ?? "").trim(),
      qualifier: (cell(cells, "qualifier") ?? "").trim().toLowerCase(),
      note: optionalText(cell(cells, "note")),
      source: optionalText(cell(cells, "source")),
    });
  }

  return errors.length > 0 ? { ok: false, errors, rows } : { ok: true, rows };
}
