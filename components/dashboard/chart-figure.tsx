"use client";

import dynamic from "next/dynamic";
import { useId, useState } from "react";
import type { Qualifier, Unit } from "@/lib/domain";
import { describeSeries, hasConsecutiveValues } from "@/lib/dashboard/series";
import { formatValue } from "@/lib/numbers/format";

// Charts sit below the KPI cards and have text equivalents: their library (recharts, the largest
// part of the dashboard's JavaScript) loads after the page rather than with it.
const ChartDrawing = dynamic(() => import("./chart-drawing"), {
  ssr: false,
  loading: () => <div className="mt-4 h-64 animate-pulse rounded bg-gray-100" />,
});

export type ChartSeries = {
  label: string;
  unit: Unit;
  /** One point per year of the chart, value null where the year has none. */
  points: { year: number; value: number | null; qualifier: Qualifier }[];
};

// Literal classes (Tailwind only sees those) matching Tremor's 500 shade for each chart colour.
const SWATCH = {
  blue: "bg-blue-500",
  violet: "bg-violet-500",
  emerald: "bg-emerald-500",
  amber: "bg-amber-500",
} as const;
type ChartColor = keyof typeof SWATCH;

type Props = {
  title: string;
  series: ChartSeries[];
  colors: ChartColor[];
  /** Default: a line where some series has two consecutive years, else bars (a lone point is invisible on a line). */
  initialKind?: "line" | "bar";
  children?: React.ReactNode;
};

/**
 * A chart with its text equivalents: a summary in words that screen readers get instead of
 * the drawing, and a "Show as table" switch that swaps the chart for an HTML table.
 * Years without a value stay gaps (null, connectNulls off), never zeros.
 */
export function ChartFigure({ title, series, colors, initialKind, children }: Props) {
  const [kind, setKind] = useState(initialKind ?? (series.some((s) => hasConsecutiveValues(s.points)) ? "line" : "bar"));
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const unit = series[0]?.unit ?? "count";
  const years = series[0]?.points.map((p) => p.year) ?? [];
  const data = years.map((year, i) => {
    const row: Record<string, string | number | null> = { year: String(year) };
    for (const s of series) row[s.label] = s.points[i]?.value ?? null;
    return row;
  });
  const categories = series.map((s) => s.label);
  const valueFormatter = (v: number) => formatValue(v, unit);
  const summary = series
    .map((s) =>
      describeSeries(
        s.label,
        s.points.map((p) => ({ year: p.year, text: p.value === null ? null : formatValue(p.value, s.unit, p.qualifier) })),
      ),
    )
    .join(" ");
  const chartProps = {
    data,
    index: "year",
    categories,
    colors,
    valueFormatter,
    yAxisWidth: 72,
    className: "mt-4 h-64",
    showAnimation: false,
    noDataText: "No values yet",
    // Tremor's legend holds a focusable scroller, which must not sit in the hidden drawing: ours is below.
    showLegend: false,
  };

  return (
    <figure className="card p-4" aria-labelledby={`${id}-title`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h3 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h3>
        <div className="flex flex-wrap items-center gap-2">
          {children}
          {!asTable ? (
            <div role="group" aria-label="Chart type" className="inline-flex rounded-md shadow-sm">
              {(["line", "bar"] as const).map((k, i) => (
                <button
                  key={k}
                  type="button"
                  aria-pressed={kind === k}
                  onClick={() => setKind(k)}
                  className={`border border-gray-300 px-3 py-1.5 text-sm font-medium ${i === 0 ? "rounded-l-md" : "-ml-px rounded-r-md"} ${kind === k ? "bg-blue-700 text-white" : "bg-white text-gray-800 hover:bg-gray-50"}`}
                >
                  {k === "line" ? "Line" : "Bar"}
                </button>
              ))}
            </div>
          ) : null}
          <button type="button" aria-pressed={asTable} onClick={() => setAsTable((t) => !t)} className="btn-secondary py-1.5">
            {asTable ? "Show as chart" : "Show as table"}
          </button>
        </div>
      </div>
      {asTable ? (
        <div className="mt-4 overflow-x-auto" tabIndex={0} role="region" aria-label={`${title}, as a table`}>
          <table className="min-w-full divide-y divide-gray-200 text-sm">
            <caption className="sr-only">{title}, by year</caption>
            <thead className="bg-gray-50 text-left text-gray-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Year
                </th>
                {series.map((s) => (
                  <th key={s.label} scope="col" className="px-3 py-2 text-right font-medium">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {years.map((year, i) => (
                <tr key={year}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {year}
                  </th>
                  {series.map((s) => {
                    const p = s.points[i];
                    return (
                      <td key={s.label} className="px-3 py-2 text-right tabular-nums">
                        {p && p.value !== null ? formatValue(p.value, s.unit, p.qualifier) : <span className="text-gray-500">No value</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <>
          <div aria-hidden="true">
            <ChartDrawing kind={kind} {...chartProps} connectNulls={false} />
          </div>
          {series.length > 1 ? (
            <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-gray-700" aria-hidden="true">
              {series.map((s, i) => (
                <li key={s.label} className="inline-flex items-center gap-1.5">
                  <span className={`inline-block h-2.5 w-2.5 rounded-full ${SWATCH[colors[i] ?? "blue"]}`} />
                  {s.label}
                </li>
              ))}
            </ul>
          ) : null}
          <figcaption className="sr-only">{summary}</figcaption>
        </>
      )}
    </figure>
  );
}
