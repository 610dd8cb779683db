/**
 * Filtering and sorting of the compare page's table. Pure, so the browser and the tests
 * agree on what "large change" and "missing" mean.
 */
import { isLargeChange, type CompareRow } from "./compare";

/** What counts as a large change until the reader says otherwise, in percent. */
export const DEFAULT_LARGE_CHANGE_PCT = 25;

export type CompareFilter = "all" | "changed" | "missing" | "large" | "breaks";
export type SortKey = "section" | "label" | "from" | "to" | "delta" | "deltaPct";
export type SortDir = "asc" | "desc";

type Row = Pick<CompareRow, "status" | "from" | "to" | "deltaPct" | "break">;

/** changed: both years have a value and it (or its wording) differs; missing: either year lacks one; breaks: the definition changed between them. */
export function filterRows<R extends Row>(rows: R[], filter: CompareFilter, thresholdPct: number): R[] {
  switch (filter) {
    case "changed":
      return rows.filter((r) => r.status === "changed");
    case "missing":
      return rows.filter((r) => r.from === null || r.to === null);
    case "large":
      return rows.filter((r) => isLargeChange(r, thresholdPct));
    case "breaks":
      return rows.filter((r) => r.break !== null);
    default:
      return rows;
  }
}

/**
 * Stable sort on one column; rows without a number sort last whichever the direction, so
 * "largest change first" never opens on a list of blanks. `sectionOrder` keeps the report's order.
 */
export function sortRows<R extends Pick<CompareRow, SortKey | "section">>(rows: R[], key: SortKey, dir: SortDir, sectionOrder: string[] = []): R[] {
  const sign = dir === "asc" ? 1 : -1;
  const rank = new Map(sectionOrder.map((s, i) => [s, i]));
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      let result: number;
      if (key === "section") {
        result = (rank.get(a.row.section) ?? Infinity) - (rank.get(b.row.section) ?? Infinity) || a.row.section.localeCompare(b.row.section);
      } else if (key === "label") {
        result = a.row.label.localeCompare(b.row.label, "en");
      } else {
        const x = a.row[key];
        const y = b.row[key];
        if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
        result = x - y;
      }
      return sign * result || a.index - b.index;
    })
    .map((x) => x.row);
}

/** What the table's status line says: how many rows are drawn, of how many match, of how many in all. */
export function rowsStatus(drawn: number, matching: number, total: number): string {
  if (drawn === matching) return `Showing ${matching} of ${total} figures`;
  if (matching === total) return `Showing the first ${drawn} of ${total} figures`;
  return `Showing the first ${drawn} of ${matching} matching figures (${total} in all)`;
}
