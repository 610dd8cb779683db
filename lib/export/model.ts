/**
 * What every export is built from, whether the figures are live or a snapshot's frozen
 * content. Pure data and functions: the route, the page and the tests share them.
 */
import type { YearStatus } from "@/lib/domain";
import type { ContentQuote, ContentValue } from "@/lib/snapshot/content";

/**
 * A figure to write: what a snapshot freezes of it, and when and by whom it was last saved
 * (null for a snapshot's figures). A year's rows (db/queries/years.ts) are export values as read.
 */
export type ExportValue = ContentValue & { updatedAt: Date | string | null; updatedBy: string | null };
/** A line of the CSV: the figure with its year (the all-years file holds many years). */
export type ExportRow = ExportValue & { year: number };
type ExportQuote = ContentQuote;

export type ExportSnapshotRef = { id: number; sha256: string; createdAt: Date };

/** One year ready to be written: values in report order, quotes in report order. */
export type ExportYear = {
  year: number;
  status: YearStatus;
  values: ExportValue[];
  quotes: ExportQuote[];
  /** Section keys to their printed titles, in report order (headings of the XLSX). */
  sections: { key: string; title: string }[];
  /** The latest snapshot of the year, or the snapshot this export was built from. */
  snapshot: ExportSnapshotRef | null;
  /** True when the figures are a snapshot's content rather than live data. */
  fromSnapshot: boolean;
};

export type ExportMeta = { exportedAt: Date; exportedBy: string };

export const EXPORT_FORMATS = ["csv", "xlsx", "json", "docx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export function toExportRows(y: Pick<ExportYear, "year" | "values">): ExportRow[] {
  return y.values.map((v) => ({ year: y.year, ...v }));
}

/** `report-desk-2023.csv`, `report-desk-2023-snapshot-12.xlsx`, `report-desk-all-years.csv`. */
export function exportFilename(what: number | "all-years", format: ExportFormat, snapshotId?: number): string {
  return `report-desk-${what}${snapshotId !== undefined ? `-snapshot-${snapshotId}` : ""}.${format}`;
}

/** A download response; the name is built by us from digits and fixed words only. */
export function downloadResponse(body: string | Uint8Array, format: ExportFormat, filename: string): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * Orders rows as the report does, given metric keys in report order; keys the catalogue no
 * longer knows (possible in an old snapshot) go last, alphabetically.
 */
export function inReportOrder<T extends { metricKey: string }>(rows: T[], order: string[]): T[] {
  const rank = new Map(order.map((key, i) => [key, i]));
  const at = (k: string) => rank.get(k) ?? Number.MAX_SAFE_INTEGER;
  return [...rows].sort((a, b) => at(a.metricKey) - at(b.metricKey) || (a.metricKey < b.metricKey ? -1 : a.metricKey > b.metricKey ? 1 : 0));
}
