import Link from "next/link";
import { Sparkline } from "./sparkline";
import { deltaTone, describeTrend, type DeltaBadgeType, type Kpi, type Tone } from "@/lib/dashboard/series";
import { formatDelta, formatPercentChange, formatValue } from "@/lib/numbers/format";

// Literal class strings (Tailwind only sees those): the badge's colour follows the metric's direction.
const TONE_CLASSES: Record<Tone, string> = { good: "tone-good", bad: "tone-bad", neutral: "tone-neutral" };
const TONE_WORDS: Record<Tone, string> = { good: ", an improvement", bad: ", a setback", neutral: "" };
// Drawn, not typed: a glyph would become part of the badge's text for screen readers and tests.
const ARROW_POINTS: Record<DeltaBadgeType, string> = { increase: "5,1 9,8 1,8", decrease: "1,2 9,2 5,9", unchanged: "2,1 9,5 2,9" };

/** One metric of the chosen year: the figure as printed, its change since the last year with a value, its trend. */
export function KpiCard({ kpi, year }: { kpi: Kpi; year: number }) {
  const { metric, current, previous, change, trend } = kpi;
  const tone = change ? deltaTone(metric.direction, change.delta) : null;
  const changeText = change
    ? `${formatDelta(change.delta, metric.unit)}${change.deltaPct !== null ? ` (${formatPercentChange(change.deltaPct)})` : ""}`
    : null;

  return (
    <div className="kpi-card" data-metric={metric.key}>
      <p className="kpi-label">{metric.label}</p>
      <div className="kpi-row">
        {current ? (
          <p className="kpi-figure">{formatValue(current.value, metric.unit, current.qualifier)}</p>
        ) : (
          <p className="text-lg font-medium text-gray-600">No value for {year}</p>
        )}
        {change && tone && previous ? (
          <span
            className={`kpi-badge ${TONE_CLASSES[tone.tone]}`}
            data-tone={tone.tone}
          >
            <svg viewBox="0 0 10 10" className="h-2.5 w-2.5 fill-current" aria-hidden="true" focusable="false">
              <polygon points={ARROW_POINTS[tone.deltaType]} />
            </svg>
            <span className="sr-only">Change since {previous.year}: </span>
            {changeText}
            <span className="sr-only">{TONE_WORDS[tone.tone]}</span>
          </span>
        ) : null}
      </div>
      <p className="text-xs text-gray-600">
        {previous
          ? `${previous.year}: ${formatValue(previous.value, metric.unit, previous.qualifier)}${change?.qualifierChanged ? " · wording changed" : ""}`
          : current
            ? "No earlier year to compare with"
            : "\u00a0"}
      </p>
      {trend.length >= 2 ? (
        <div className="mt-auto">
          <Sparkline values={trend.map((t) => t.value)} className="h-10 w-full" />
          <p className="sr-only">
            Trend {describeTrend(trend.map((t) => ({ year: t.year, value: t.value, text: formatValue(t.value, metric.unit, t.qualifier) })))}.
          </p>
          <p className="kpi-years" aria-hidden="true">
            <span>{trend[0]!.year}</span>
            <span>{trend[trend.length - 1]!.year}</span>
          </p>
        </div>
      ) : (
        // A lone value in the year shown needs no second line: "No earlier year to compare with" said it.
        <p className="mt-auto text-xs text-gray-600">{trend.length === 0 ? "No values yet" : trend[0]!.year === year ? null : `Only ${trend[0]!.year} has a value`}</p>
      )}
      {current ? (
        <Link href={`/years/${year}/history/${metric.key}`} className="text-xs link">
          History<span className="sr-only"> of {metric.label} in {year}</span>
        </Link>
      ) : null}
    </div>
  );
}
