/**
 * The entry grid's model: what a row holds while an editor types, which rows are unsaved,
 * which fields an editor changed (a conflict keeps only those), what a filter shows and where
 * a pasted block lands. Pure, so the page and its tests share it.
 */
import type { Unit } from "@/lib/domain";
import type { ValueBody } from "@/lib/validation/api";
import type { PastedRow } from "./paste";
import { formatPlain } from "@/lib/numbers/format";

/** A row's fields as typed: strings, as the inputs hold them. */
export type Draft = { value: string; qualifier: "none" | "over" | "about"; source: string; note: string; reason: string };

/** The stored fields a draft starts from. */
export type Stored = Pick<ValueBody, "value" | "qualifier" | "source" | "note">;

export const EDITED_FIELDS = ["value", "qualifier", "source", "note"] as const;
export type EditedField = (typeof EDITED_FIELDS)[number];

export const FIELD_LABELS: Record<EditedField, string> = { value: "Value", qualifier: "Qualifier", source: "Source", note: "Note" };

export function draftOf(stored: Stored, unit: Unit): Draft {
  return { value: formatPlain(stored.value, unit), qualifier: stored.qualifier ?? "none", source: stored.source ?? "", note: stored.note ?? "", reason: "" };
}

// "76500" and "76,500" are the same figure typed two ways; spaces around text are not a change.
const normalised = (draft: Draft, field: EditedField) => (field === "value" ? draft.value.replace(/[,\s]/g, "") : draft[field].trim());

/** The fields of `draft` that differ from what is stored (the reason alone is not a change). */
export function changedFields(stored: Stored, unit: Unit, draft: Draft): EditedField[] {
  const base = draftOf(stored, unit);
  return EDITED_FIELDS.filter((f) => normalised(base, f) !== normalised(draft, f));
}

export const isUnsaved = (stored: Stored, unit: Unit, draft: Draft) => changedFields(stored, unit, draft).length > 0;

/**
 * What "keep my changes" sends after a conflict: the fields I changed as I typed them, every
 * other field as the other person saved it, so their work on those fields stays.
 */
export function mergeMine(theirs: Stored | null, unit: Unit, mine: Draft, changed: EditedField[]): Draft {
  const merged = draftOf(theirs ?? { value: null, qualifier: null, source: null, note: null }, unit);
  for (const field of changed) (merged as Record<EditedField, string>)[field] = mine[field];
  return { ...merged, reason: mine.reason };
}

/** The reason a kept-mine save records, so its revision says what happened. */
export function keptMineReason(changed: EditedField[], theirsBy: string | null, reason: string): string {
  const fields = changed.map((f) => FIELD_LABELS[f].toLowerCase()).join(", ");
  const said = `Kept my ${fields} over a newer save${theirsBy ? ` by ${theirsBy}` : ""}`;
  return reason.trim() ? `${reason.trim()} (${said})` : said;
}

export type GridFilter = "all" | "missing" | "unsaved" | "checks";

export const GRID_FILTERS: { key: GridFilter; label: string }[] = [
  { key: "all", label: "All figures" },
  { key: "missing", label: "Missing a value" },
  { key: "unsaved", label: "Not saved" },
  { key: "checks", label: "With checks" },
];

type FilterRow = { metricKey: string; label: string; stored: Stored; unsaved: boolean };

/** Whether a row is shown under `filter` and the search text (matched in the label, any case). */
export function rowShown(row: FilterRow, filter: GridFilter, search: string, withChecks: ReadonlySet<string>): boolean {
  const q = search.trim().toLowerCase();
  if (q && !row.label.toLowerCase().includes(q) && !row.metricKey.includes(q)) return false;
  switch (filter) {
    case "missing":
      return row.stored.value === null;
    case "unsaved":
      return row.unsaved;
    case "checks":
      return withChecks.has(row.metricKey);
    default:
      return true;
  }
}

/**
 * The drafts a paste makes: row i of the block goes to the i-th figure from where it was
 * pasted, in the order the grid shows them; rows past the last figure are reported, not lost
 * silently. A qualifier cell that is not over/about/none leaves the qualifier as it is.
 */
export function pasteInto(
  order: string[],
  startKey: string,
  pasted: PastedRow[],
  drafts: Record<string, Draft>,
): { drafts: Record<string, Draft>; filled: string[]; leftOver: number } {
  const start = order.indexOf(startKey);
  if (start < 0) return { drafts: {}, filled: [], leftOver: pasted.length };
  const next: Record<string, Draft> = {};
  const filled: string[] = [];
  pasted.forEach((cells, i) => {
    const key = order[start + i];
    if (!key) return;
    const draft = { ...drafts[key]! };
    draft.value = cells.value.trim();
    const q = cells.qualifier?.trim().toLowerCase();
    if (q === "over" || q === "about" || q === "none") draft.qualifier = q;
    else if (q === "") draft.qualifier = "none";
    if (cells.source !== undefined) draft.source = cells.source.trim();
    if (cells.note !== undefined) draft.note = cells.note.trim();
    next[key] = draft;
    filled.push(key);
  });
  return { drafts: next, filled, leftOver: Math.max(0, pasted.length - (order.length - start)) };
}
