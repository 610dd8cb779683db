/**
 * Pure year-to-year comparison of headline figures, quotes and the chapter's blocks.
 *
 * No database access here: callers load two years and pass plain data in, so the
 * arithmetic (which is what reviewers actually argue about) is unit-testable.
 */
import { diffWords } from "diff";
import type { Direction, Qualifier, Unit } from "@/lib/domain";
import { neutraliseCell } from "@/lib/csv/formula";
import { toCsv } from "@/lib/csv/rfc4180";
import { speakerKey } from "@/lib/speakers";
import type { QuoteBody, ValueBody } from "@/lib/validation/api";

export type CompareMetric = { key: string; label: string; section: string; unit: Unit; direction: Direction };
export type YearValue = Pick<ValueBody, "metricKey" | "value" | "qualifier">;
export type QuoteLike = Pick<QuoteBody, "id" | "speaker" | "title" | "section" | "text">;

type CompareStatus = "unchanged" | "changed" | "added" | "removed" | "missing";

export type CompareRow = {
  metricKey: string;
  label: string;
  section: string;
  unit: Unit;
  direction: Direction;
  from: number | null;
  to: number | null;
  fromQualifier: Qualifier;
  toQualifier: Qualifier;
  /** to − from in the metric's own unit (percentage points for "percent" metrics). */
  delta: number | null;
  /** Relative change in %, 1 decimal; null when there is no non-zero base to divide by. */
  deltaPct: number | null;
  qualifierChanged: boolean;
  status: CompareStatus;
  /** The note of a series break after `from` and up to `to`: the change is then not good or bad news. */
  break: string | null;
};

export type SeriesBreak = { metricKey: string; year: number; note: string };

/** The notes of the metric's breaks in (from, to], joined; null when the two years measure the same thing. */
export function breakBetween(breaks: readonly SeriesBreak[], metricKey: string, from: number, to: number): string | null {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  const notes = breaks.filter((b) => b.metricKey === metricKey && b.year > lo && b.year <= hi).map((b) => b.note);
  return notes.length > 0 ? notes.join("; ") : null;
}

export type DiffPart = { value: string; added: boolean; removed: boolean };
type QuoteChange = { speaker: string; section: string; from: QuoteLike; to: QuoteLike; diff: DiffPart[] };
export type QuoteComparison = { added: QuoteLike[]; removed: QuoteLike[]; changed: QuoteChange[] };

/**
 * Rounds away binary floating-point noise (0.3 − 0.1 = 0.19999999999999998 → 0.2).
 * toFixed rounds the exact decimal expansion, which stays exact for integers up to
 * our 1e15 limit, unlike multiplying by 1e10 first.
 */
function round10(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return x;
  const r = Number(x.toFixed(10));
  return r === 0 ? 0 : r; // no "-0" in the UI
}

/** One decimal, rounding halves away from zero so +2.25 and −2.25 mirror each other. */
function round1(x: number): number {
  const r = (Math.sign(x) * Math.round(Math.abs(round10(x)) * 10)) / 10;
  return r === 0 ? 0 : r;
}

/**
 * One row per metric, in the order of `metrics` (the report's order). Values for
 * keys not in `metrics` are ignored. A qualifier without a value carries no
 * meaning, so it is reported as null for that side.
 */
export function compareValues(
  metrics: CompareMetric[],
  from: YearValue[],
  to: YearValue[],
  years?: { from: number; to: number; breaks: readonly SeriesBreak[] },
): CompareRow[] {
  const fromByKey = new Map(from.map((v) => [v.metricKey, v]));
  const toByKey = new Map(to.map((v) => [v.metricKey, v]));

  return metrics.map((m) => {
    const f = fromByKey.get(m.key);
    const t = toByKey.get(m.key);
    const fromValue = f?.value ?? null;
    const toValue = t?.value ?? null;
    const fromQualifier = fromValue === null ? null : (f?.qualifier ?? null);
    const toQualifier = toValue === null ? null : (t?.qualifier ?? null);

    let delta: number | null = null;
    let deltaPct: number | null = null;
    if (fromValue !== null && toValue !== null) {
      delta = round10(toValue - fromValue);
      // A change from zero has no meaningful percentage (it would be infinite).
      if (fromValue !== 0) deltaPct = round1((delta / Math.abs(fromValue)) * 100);
    }
    const qualifierChanged = fromValue !== null && toValue !== null && fromQualifier !== toQualifier;

    let status: CompareStatus;
    if (fromValue === null && toValue === null) status = "missing";
    else if (fromValue === null) status = "added";
    else if (toValue === null) status = "removed";
    else status = delta !== 0 || qualifierChanged ? "changed" : "unchanged";

    return {
      metricKey: m.key,
      label: m.label,
      section: m.section,
      unit: m.unit,
      direction: m.direction,
      from: fromValue,
      to: toValue,
      fromQualifier,
      toQualifier,
      delta,
      deltaPct,
      qualifierChanged,
      status,
      break: years ? breakBetween(years.breaks, m.key, years.from, years.to) : null,
    };
  });
}

/** Flags a change worth a reviewer's second look; a null percentage is never "large". */
export function isLargeChange(row: Pick<CompareRow, "deltaPct">, thresholdPct = 25): boolean {
  return row.deltaPct !== null && Math.abs(row.deltaPct) >= thresholdPct;
}

/** Same speaker in the same section is "the same quote" even if the wording changed. */
const quoteKey = (q: QuoteLike) => `${speakerKey(q.speaker)}\u0000${q.section.trim()}`;

const wordDiff = (from: string, to: string): DiffPart[] =>
  diffWords(from, to).map((p) => ({ value: p.value, added: p.added === true, removed: p.removed === true }));

// Map.groupBy needs Node 21 (decision 021).
function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Pairs the items of two years that are "the same thing" (same key): within a key, identical
 * texts first, the rest in order, so re-ordering alone never shows up as a change.
 */
function pairUp<T extends { text: string }>(from: T[], to: T[], keyOf: (item: T) => string): { pairs: Map<T, T>; unmatchedFrom: T[] } {
  const fromGroups = groupBy(from, keyOf);
  const pairs = new Map<T, T>(); // to → from
  for (const [key, tos] of groupBy(to, keyOf)) {
    const candidates = [...(fromGroups.get(key) ?? [])];
    const unpaired: T[] = [];
    for (const t of tos) {
      const same = candidates.findIndex((f) => f.text === t.text);
      if (same === -1) unpaired.push(t);
      else pairs.set(t, candidates.splice(same, 1)[0]!);
    }
    for (const t of unpaired) {
      const f = candidates.shift();
      if (f) pairs.set(t, f);
    }
  }
  const matched = new Set(pairs.values());
  return { pairs, unmatchedFrom: from.filter((f) => !matched.has(f)) };
}

/** Matches quotes by speaker (trimmed, case-insensitive) + section. */
export function compareQuotes(from: QuoteLike[], to: QuoteLike[]): QuoteComparison {
  const { pairs, unmatchedFrom } = pairUp(from, to, quoteKey);
  const added: QuoteLike[] = [];
  const changed: QuoteChange[] = [];
  for (const t of to) {
    const f = pairs.get(t);
    if (!f) added.push(t);
    else if (f.text !== t.text || f.title !== t.title) changed.push({ speaker: t.speaker, section: t.section, from: f, to: t, diff: wordDiff(f.text, t.text) });
  }
  return { added, removed: unmatchedFrom, changed };
}

export type BlockLike = { kind: string; section: string; text: string };
export type BlockComparison<B extends BlockLike> = { added: B[]; removed: B[]; changed: { from: B; to: B; diff: DiffPart[] }[] };

/**
 * Matches the chapter's blocks by kind within a section, as written (`{{metric_key}}` and all):
 * a live figure showing another year's value is not a change of the text.
 */
export function compareBlocks<B extends BlockLike>(from: B[], to: B[]): BlockComparison<B> {
  const { pairs, unmatchedFrom } = pairUp(from, to, (b) => `${b.section}\u0000${b.kind}`);
  const added: B[] = [];
  const changed: BlockComparison<B>["changed"] = [];
  for (const t of to) {
    const f = pairs.get(t);
    if (!f) added.push(t);
    else if (f.text !== t.text) changed.push({ from: f, to: t, diff: wordDiff(f.text, t.text) });
  }
  return { added, removed: unmatchedFrom, changed };
}

/** CSV of a comparison for reviewers; year columns are named after the years compared. */
export function compareToCsv(rows: CompareRow[], fromYear: number, toYear: number): string {
  const header = ["section", "metric_key", "label", "unit", String(fromYear), String(toYear), "delta", "delta_pct", "qualifier_changed"];
  const body = rows.map((r) => [
    neutraliseCell(r.section),
    neutraliseCell(r.metricKey),
    neutraliseCell(r.label),
    neutraliseCell(r.unit),
    r.from,
    r.to,
    r.delta,
    r.deltaPct,
    r.qualifierChanged ? "yes" : "no",
  ]);
  return toCsv([header, ...body]);
}
