/**
 * The public CSV contract for a year's headline figures.
 *
 * Export writes a fixed column order for people and spreadsheets; import reads
 * columns by header name so a file that was re-ordered or annotated in Excel
 * still loads. The two are designed as a pair: exporting a year and importing
 * the file into another year reproduces value, qualifier, note and source.
 */
import { type Qualifier, type Unit, TEXT_LIMITS } from "@/lib/domain";
import { parseHumanNumber } from "@/lib/numbers/parse";
import { PROVENANCE_FIELDS, type Provenance } from "@/lib/validation/provenance";
import { toIsoUtc } from "@/lib/time/utc";
import { neutraliseCell, restoreCell } from "./formula";
import { parseCsv, toCsv } from "./rfc4180";

export const EXPORT_COLUMNS = [
  "year", "section", "metric_key", "label", "unit", "value",
  "qualifier", "note", "source", "updated_at", "updated_by",
] as const;

/** Asked for with `provenance=1`, after the contract's columns: the printed wording and the structured provenance. */
export const PROVENANCE_COLUMNS = ["wording", "source_producer", "source_title", "source_url", "source_published", "source_accessed", "source_phrase"] as const;

export type ExportRow = {
  year: number;
  section: string;
  metricKey: string;
  label: string;
  unit: Unit;
  value: number | null;
  qualifier: Qualifier;
  note: string | null;
  source: string | null;
  updatedAt: Date | string | null;
  updatedBy: string | null;
} & Partial<Provenance>;

/** `row` is the spreadsheet row: the header is row 1, the first data row is row 2. */
export type ImportRow = {
  row: number;
  metricKey: string;
  value: number | null;
  /** The value cell as written (trimmed), so a metric's own rules can judge "43%" or "$5". */
  valueText: string;
  qualifier: Qualifier;
  note: string | null;
  source: string | null;
};

/** `column` is "" when the error concerns the file or the whole row, not one cell. */
export type RowError = { row: number; column: string; message: string };

/**
 * On failure, `rows` still holds the rows that parsed, so a caller can check them against the
 * database too and report every problem of the file at once. Empty for file-level errors.
 */
export type ParseValuesResult = { ok: true; rows: ImportRow[] } | { ok: false; errors: RowError[]; rows: ImportRow[] };

export const DEFAULT_MAX_ROWS = 20_000;

const REQUIRED = ["metric_key", "value"] as const;
const OPTIONAL = ["qualifier", "note", "source"] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/** A text cell: neutralised so no spreadsheet runs it; null becomes an empty cell. */
const text = (s: string | null): string | null => (s === null ? null : neutraliseCell(s));

/** A timestamp cell in UTC (zone-less text read as UTC); text that is no moment is written as text. */
const timestamp = (v: Date | string | null): string | null =>
  v === null ? null : (toIsoUtc(v) ?? (typeof v === "string" ? text(v) : null));

/** Serialises rows in EXPORT_COLUMNS order (then PROVENANCE_COLUMNS when asked). No BOM: the contract is plain UTF-8. */
export function valuesToCsv(rows: ExportRow[], opts: { provenance?: boolean } = {}): string {
  const body = rows.map((r) => [
    r.year,
    text(r.section),
    text(r.metricKey),
    text(r.label),
    text(r.unit),
    r.value, // numeric: never neutralised, "-5" must stay a number
    r.qualifier ?? "",
    text(r.note),
    text(r.source),
    timestamp(r.updatedAt),
    text(r.updatedBy),
    ...(opts.provenance ? PROVENANCE_FIELDS.map((f) => text(r[f] ?? null)) : []),
  ]);
  return toCsv([[...EXPORT_COLUMNS, ...(opts.provenance ? PROVENANCE_COLUMNS : [])], ...body]);
}

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

/** Parses an uploaded figures file; collects every row error rather than stopping at the first. */
export function parseValuesCsv(input: string, opts?: { maxRows?: number }): ParseValuesResult {
  const parsed = parseCsv(input);
  if (!parsed.ok) return { ok: false, errors: [{ row: parsed.line ?? 1, column: "", message: parsed.message }], rows: [] };
  return parseValuesTable(parsed.rows, opts);
}

/**
 * The same rules for a grid of cells already split into records (a spreadsheet's first
 * sheet): record i is spreadsheet row i + 1, so callers keep empty rows as empty arrays.
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
      errors: [{
        row: 1, column: "",
        message: `the file has ${data.length.toLocaleString("en-US")} data rows; at most ${maxRows.toLocaleString("en-US")} are allowed`,
      }],
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
    const before = errors.length;
    const fail = (column: string, message: string) => errors.push({ row, column, message });

    const metricKey = restoreCell((cell(cells, "metric_key") ?? "").trim());
    if (metricKey === "") fail("metric_key", "metric_key is empty");
    else {
      const first = firstRowOf.get(metricKey);
      if (first !== undefined) fail("metric_key", `metric_key “${metricKey}” already appears on row ${first}`);
      else firstRowOf.set(metricKey, row);
    }

    let value: number | null = null;
    const rawValue = (cell(cells, "value") ?? "").trim();
    if (rawValue !== "") {
      const n = parseHumanNumber(rawValue);
      if (n.ok) value = n.value;
      else fail("value", n.message);
    }

    let qualifier: Qualifier = null;
    const rawQualifier = (cell(cells, "qualifier") ?? "").trim().toLowerCase();
    if (rawQualifier === "over" || rawQualifier === "about") qualifier = rawQualifier;
    else if (rawQualifier !== "" && rawQualifier !== "none") {
      fail("qualifier", "qualifier must be empty, “none”, “over” or “about”");
    }

    const note = optionalText(cell(cells, "note"));
    if (note !== null && note.length > TEXT_LIMITS.note) {
      fail("note", `note is longer than ${TEXT_LIMITS.note.toLocaleString("en-US")} characters`);
    }
    const source = optionalText(cell(cells, "source"));
    if (source !== null && source.length > TEXT_LIMITS.source) {
      fail("source", `source is longer than ${TEXT_LIMITS.source.toLocaleString("en-US")} characters`);
    }

    if (errors.length === before) rows.push({ row, metricKey, value, valueText: rawValue, qualifier, note, source });
  }

  return errors.length > 0 ? { ok: false, errors, rows } : { ok: true, rows };
}
