/**
 * The public CSV contract for a year's headline figures, as exported.
 *
 * Export writes a fixed column order for people and spreadsheets; import
 * (lib/import/values-csv.ts) reads columns by header name. The two are designed as a
 * pair: exporting a year and importing the file into another year reproduces value,
 * qualifier, note and source.
 */
import type { ExportRow } from "@/lib/export/model";
import { PROVENANCE_FIELDS } from "@/lib/validation/provenance";
import { toIsoUtc } from "@/lib/time/utc";
import { neutraliseCell } from "./formula";
import { toCsv } from "./rfc4180";

export const EXPORT_COLUMNS = ["year", "section", "metric_key", "label", "unit", "value", "qualifier", "note", "source", "updated_at", "updated_by"] as const;

/** Asked for with `provenance=1`, after the contract's columns: the printed wording and the structured provenance. */
export const PROVENANCE_COLUMNS = ["wording", "source_producer", "source_title", "source_url", "source_published", "source_accessed", "source_phrase"] as const;

/** A text cell: neutralised so no spreadsheet runs it; null becomes an empty cell. */
const text = (s: string | null): string | null => (s === null ? null : neutraliseCell(s));

/** A timestamp cell in UTC (zone-less text read as UTC); text that is no moment is written as text. */
const timestamp = (v: Date | string | null): string | null => (v === null ? null : (toIsoUtc(v) ?? (typeof v === "string" ? text(v) : null)));

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
