/**
 * What one KPI card shows, as plain strings computed on the server. The cards are drawn by a
 * client component (components/dashboard/kpi-grid.tsx) from this: React sends a client
 * component's props to the browser once, where a server component's whole element tree
 * (every class name of every card) would travel in the page's payload beside its HTML.
 */
import { deltaTone, describeTrend, type DeltaBadgeType, type Kpi, type Tone } from "./series";
import { breakBetween, type SeriesBreak } from "@/lib/compare/compare";
import { formatDelta, formatPercentChange, formatValue } from "@/lib/numbers/format";

export type KpiView = {
  key: string;
  label: string;
  /** The figure as printed, or null when the year has none. */
  figure: string | null;
  /** `vs` names the year compared with when it is not the year before ("vs 2020"). */
  badge: { tone: Tone; arrow: DeltaBadgeType; text: string; since: number; vs: string | null } | null;
  /** "Higher is better" / "Lower is better", so the badge's colour never looks arbitrary; null for neutral metrics. */
  direction: string | null;
  /** The note of a series break between the two years: the change is then shown neutral. */
  seriesBreak: string | null;
  /** "2023: over 76,000 · wording changed", or why there is nothing to compare with. */
  previous: string;
  trend: { width: number; points: string; text: string; firstYear: number; lastYear: number } | null;
  /** In place of a trend line: "Only 2021 has a value", "No values yet", or nothing. */
  lone: string | null;
};

/**
 * The points of a sparkline: whole-number x and one-decimal y (each point costs a few
 * characters, twice: in the HTML and in the props). The shape's sides and bottom lie outside
 * the viewBox, so one polygon draws both the area and the line.
 */
export function sparklinePoints(values: number[]): { width: number; points: string } {
  const step = 4;
  const width = Math.max(1, values.length - 1) * step;
  const height = 32;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const ys = values.map((v) =>
    // A flat series sits mid-height rather than on the floor.
    max === min ? height / 2 : Math.round((height - 2 - ((v - min) / span) * (height - 4)) * 10) / 10,
  );
  const xs = values.map((_, i) => (values.length === 1 ? width / 2 : i * step));
  const line = xs.map((x, i) => `${x},${ys[i]}`).join(" ");
  return { width, points: `-2,${height + 2} -2,${ys[0]} ${line} ${width + 2},${ys[ys.length - 1]} ${width + 2},${height + 2}` };
}

const DIRECTION_HINT = { up: "Higher is better", down: "Lower is better", neutral: null } as const;

export function kpiView(kpi: Kpi, year: number, breaks: readonly SeriesBreak[] = []): KpiView {
  const { metric, current, previous, change, trend } = kpi;
  const seriesBreak = previous ? breakBetween(breaks, metric.key, previous.year, year) : null;
  // Across a definition change a rise is neither good nor bad news: the badge stays grey.
  const tone = change ? deltaTone(seriesBreak ? "neutral" : metric.direction, change.delta) : null;
  const badge =
    change && tone && previous
      ? {
          tone: tone.tone,
          arrow: tone.deltaType,
          text: `${formatDelta(change.delta, metric.unit)}${change.deltaPct !== null ? ` (${formatPercentChange(change.deltaPct)})` : ""}`,
          since: previous.year,
          vs: previous.year === year - 1 ? null : `vs ${previous.year}`,
        }
      : null;
  const previousLine = previous
    ? `${previous.year}: ${formatValue(previous.value, metric.unit, previous.qualifier)}${change?.qualifierChanged ? " · wording changed" : ""}`
    : current
      ? "No earlier year to compare with"
      : "\u00a0";
  const shownTrend =
    trend.length >= 2
      ? {
          ...sparklinePoints(trend.map((t) => t.value)),
          text: describeTrend(trend.map((t) => ({ year: t.year, value: t.value, text: formatValue(t.value, metric.unit, t.qualifier) }))),
          firstYear: trend[0]!.year,
          lastYear: trend[trend.length - 1]!.year,
        }
      : null;
  // A lone value in the year shown needs no second line: "No earlier year to compare with" said it.
  const later = kpi.firstLaterYear;
  const lone = shownTrend
    ? null
    : trend.length === 0
      ? later !== null
        ? `First value in ${later}`
        : "No values yet"
      : trend[0]!.year === year
        ? null
        : `Only ${trend[0]!.year} has a value${later !== null ? ` up to ${year}` : ""}`;
  return {
    key: metric.key,
    label: metric.label,
    figure: current ? formatValue(current.value, metric.unit, current.qualifier) : null,
    badge,
    direction: DIRECTION_HINT[metric.direction],
    seriesBreak,
    previous: previousLine,
    trend: shownTrend,
    lone,
  };
}
