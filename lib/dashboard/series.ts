/**
 * Pure helpers behind the dashboard: which year to show first, the year a figure is compared
 * with, series with gaps for charts, and the colour a change deserves. No database access,
 * so the rules people argue about are unit-tested on their own.
 */
import { compareValues, type CompareRow } from "@/lib/compare/compare";
import type { Direction, Qualifier, Unit } from "@/lib/domain";

export type YearCount = { year: number; valueCount: number };
export type YearPoint = { year: number; value: number | null; qualifier: Qualifier };

/**
 * The year the dashboard opens on: the newest year holding at least half as many values as
 * the fullest year. A year with a couple of early figures (2024 with 2 of 50) is work in
 * progress, not "the latest report"; the newest year with any value would show a near-empty
 * page. Null when no year has a value.
 */
export function defaultDashboardYear(years: YearCount[]): number | null {
  const fullest = Math.max(0, ...years.map((y) => y.valueCount));
  if (fullest === 0) return null;
  const candidates = years.filter((y) => y.valueCount * 2 >= fullest).map((y) => y.year);
  return Math.max(...candidates);
}

/** The newest year before `year` in which the metric has a value (gaps are skipped, not zero). */
export function previousWithValue(points: readonly YearPoint[], year: number): YearPoint | null {
  let best: YearPoint | null = null;
  for (const p of points) {
    if (p.year < year && p.value !== null && (!best || p.year > best.year)) best = p;
  }
  return best;
}

/**
 * One entry per year in `years` (sorted ascending), null where the metric has no value, so
 * charts draw a gap rather than a fall to zero.
 */
export function alignSeries(years: readonly number[], points: readonly YearPoint[]): { year: number; value: number | null }[] {
  const byYear = new Map(points.filter((p) => p.value !== null).map((p) => [p.year, p.value]));
  return [...years].sort((a, b) => a - b).map((year) => ({ year, value: byYear.get(year) ?? null }));
}

/** True when two neighbouring points (consecutive years) both have a value: a line can join them. */
export function hasConsecutiveValues(points: { year: number; value: number | null }[]): boolean {
  const years = new Set(points.filter((p) => p.value !== null).map((p) => p.year));
  return [...years].some((y) => years.has(y + 1));
}

/** The years, ascending, in which at least one of the series has a value. */
export function yearsWithData(points: readonly YearPoint[]): number[] {
  return [...new Set(points.filter((p) => p.value !== null).map((p) => p.year))].sort((a, b) => a - b);
}

export type Tone = "good" | "bad" | "neutral";
export type DeltaBadgeType = "increase" | "decrease" | "unchanged";

/**
 * How a change is shown: the arrow follows the figure, the colour follows the metric's
 * direction (a fall in grave violations is good news; a neutral metric is never coloured).
 */
export function deltaTone(direction: Direction, delta: number | null): { deltaType: DeltaBadgeType; tone: Tone } {
  if (delta === null || delta === 0) return { deltaType: "unchanged", tone: "neutral" };
  const deltaType = delta > 0 ? "increase" : "decrease";
  if (direction === "neutral") return { deltaType, tone: "neutral" };
  const good = (direction === "up") === delta > 0;
  return { deltaType, tone: good ? "good" : "bad" };
}

export type KpiMetric = { key: string; label: string; section: string; unit: Unit; direction: Direction };

export type Kpi = {
  metric: KpiMetric;
  current: YearPoint | null;
  previous: YearPoint | null;
  /** delta and deltaPct as the comparison computes them (same rounding as /compare). */
  change: Pick<CompareRow, "delta" | "deltaPct" | "qualifierChanged"> | null;
  /** Every year up to the one shown with a value, ascending: the trend line. */
  trend: { year: number; value: number; qualifier: Qualifier }[];
  /** The first year after the one shown with a value, if any: the card says what it leaves out. */
  firstLaterYear: number | null;
};

/** One KPI per metric for `year`, from every value of every year (one list, grouped here). */
type KeyedPoint = YearPoint & { metricKey: string };

// Keyed by the list itself: the dashboard's list is one shared array per change of the values
// (db/queries/value-points.ts), so this grouping runs once per change, not once per request.
const groupedLists = new WeakMap<readonly KeyedPoint[], Map<string, KeyedPoint[]>>();

/** Each metric's points, in the list's order. The result is shared: do not change it. */
export function pointsByMetric<P extends KeyedPoint>(values: readonly P[]): ReadonlyMap<string, readonly P[]> {
  let byMetric = groupedLists.get(values);
  if (!byMetric) {
    byMetric = new Map();
    for (const v of values) {
      const list = byMetric.get(v.metricKey);
      if (list) list.push(v);
      else byMetric.set(v.metricKey, [v]);
    }
    groupedLists.set(values, byMetric);
  }
  return byMetric as Map<string, P[]>;
}

export function buildKpis(metrics: readonly KpiMetric[], values: readonly KeyedPoint[], year: number): Kpi[] {
  const byMetric = pointsByMetric(values);
  return metrics.map((metric) => {
    const points = byMetric.get(metric.key) ?? [];
    const found = points.find((p) => p.year === year && p.value !== null) ?? null;
    const previous = found ? previousWithValue(points, year) : null;
    let change: Kpi["change"] = null;
    if (found && previous) {
      const [row] = compareValues(
        [{ ...metric }],
        [{ metricKey: metric.key, value: previous.value, qualifier: previous.qualifier }],
        [{ metricKey: metric.key, value: found.value, qualifier: found.qualifier }],
      );
      if (row) change = { delta: row.delta, deltaPct: row.deltaPct, qualifierChanged: row.qualifierChanged };
    }
    // The card shows the year as it stood: later years are not part of its story.
    const trend = points
      .filter((p): p is KeyedPoint & { value: number } => p.value !== null && p.year <= year)
      .map((p) => ({ year: p.year, value: p.value, qualifier: p.qualifier }))
      .sort((a, b) => a.year - b.year);
    const later = points.filter((p) => p.year > year && p.value !== null).map((p) => p.year);
    return { metric, current: found, previous, change, trend, firstLaterYear: later.length > 0 ? Math.min(...later) : null };
  });
}

export type KpiGroup = { section: string; shown: Kpi[]; total: number };

/**
 * The KPI cards per section, in the order given, sections without a metric left out. With
 * every section on one page each shows at most `perSection` cards (catalogue order) and the
 * page links to the rest; a single chosen section shows all of its cards.
 */
export function groupKpis(sections: readonly { key: string }[], kpis: readonly Kpi[], opts: { perSection: number; oneSection: boolean }): KpiGroup[] {
  return sections
    .map((s) => {
      const all = kpis.filter((k) => k.metric.section === s.key);
      return { section: s.key, shown: opts.oneSection ? all : all.slice(0, opts.perSection), total: all.length };
    })
    .filter((g) => g.total > 0);
}

export type SectionCompleteness = {
  section: string;
  filled: number;
  total: number;
  missing: { key: string; label: string }[];
};

/** Per section, in the order given: how many metrics have a value in the year, and which do not. */
export function sectionCompleteness(sections: { key: string }[], kpis: Kpi[]): SectionCompleteness[] {
  return sections
    .map((s) => {
      const rows = kpis.filter((k) => k.metric.section === s.key);
      const missing = rows.filter((k) => k.current === null).map((k) => ({ key: k.metric.key, label: k.metric.label }));
      return { section: s.key, filled: rows.length - missing.length, total: rows.length, missing };
    })
    .filter((s) => s.total > 0);
}

/** "2018–2021, 2024": consecutive years folded into ranges. */
export function yearRanges(years: number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i]!;
    parts.push(end === start ? String(start) : `${start}–${end}`);
  }
  return parts.join(", ");
}

/**
 * What a chart shows, in words, for people who cannot see it: every value with its year, and
 * the years without one (a gap is information, not zero).
 */
export function describeSeries(label: string, points: { year: number; text: string | null }[]): string {
  const shown = points.filter((p) => p.text !== null);
  if (shown.length === 0) return `${label}: no values yet.`;
  const missing = points.filter((p) => p.text === null).map((p) => p.year);
  const values = shown.map((p) => `${p.text} in ${p.year}`).join(", ");
  return `${label}: ${values}${missing.length ? `; no value in ${yearRanges(missing)}` : ""}.`;
}

/**
 * A trend line in one clause for screen readers ("Trend from …"): where it starts and ends,
 * its highest and lowest points when they lie between, and the years without a value.
 * Reading out every year of every card would take minutes on a page of a hundred figures.
 */
export function describeTrend(points: { year: number; value: number; text: string }[]): string {
  if (points.length === 0) return "with no values yet";
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (sorted.length === 1) return `with only ${first.text} in ${first.year}`;
  let high = first;
  let low = first;
  for (const p of sorted) {
    if (p.value > high.value) high = p;
    if (p.value < low.value) low = p;
  }
  const parts = [`from ${first.text} in ${first.year} to ${last.text} in ${last.year}`];
  const inside = (p: { year: number }) => p.year !== first.year && p.year !== last.year;
  if (inside(high) && high.value > Math.max(first.value, last.value)) parts.push(`highest ${high.text} in ${high.year}`);
  if (inside(low) && low.value < Math.min(first.value, last.value)) parts.push(`lowest ${low.text} in ${low.year}`);
  const have = new Set(sorted.map((p) => p.year));
  const missing: number[] = [];
  for (let y = first.year + 1; y < last.year; y++) if (!have.has(y)) missing.push(y);
  if (missing.length > 0) parts.push(`no value in ${yearRanges(missing)}`);
  return parts.join("; ");
}
