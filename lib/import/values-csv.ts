import { parseCsv } from "@/lib/csv/rfc4180";
import { parseValuesTable, type ParseValuesResult } from "./values-table";

/** Reads an uploaded figures CSV (the columns of docs/API.md, by header name). */
export function parseValuesCsv(input: string, opts?: { maxRows?: number }): ParseValuesResult {
  const parsed = parseCsv(input);
  if (!parsed.ok) return { ok: false, errors: [{ row: parsed.line ?? 1, column: "", message: parsed.message }], rows: [] };
  return parseValuesTable(parsed.rows, opts);
}
