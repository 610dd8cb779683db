"use client";

import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { CompareRow } from "@/lib/compare/compare";
import { DEFAULT_LARGE_CHANGE_PCT, filterRows, rowsStatus, sortRows, type CompareFilter, type SortDir, type SortKey } from "@/lib/compare/table";
import { formatDelta, formatPercentChange, formatValue } from "@/lib/numbers/format";
import { SeriesBreak } from "./series-break";

type Props = { rows: CompareRow[]; from: number; to: number; sections: { key: string; title: string }[] };

const FILTER_LABELS: Record<CompareFilter, string> = {
  all: "All figures",
  changed: "Changed only",
  missing: "Missing in either year",
  large: "Large change",
  breaks: "Series breaks",
};

const qualifierWord = (q: CompareRow["fromQualifier"]) => q ?? "exact";
// Rows drawn before "Show all": a catalogue of hundreds of figures would otherwise make the
// page heavy to serve and to scroll, while filters and sorting already work on every row.
const FIRST_ROWS = 100;
// Below md the figure's name is the first column: it stays put while the other columns scroll
// under it, and is narrow enough that both years fit beside it on a 390 px phone. Its
// background hides what scrolls beneath; the inset line marks its edge.
const STICKY_NARROW = "max-md:sticky max-md:left-0 max-md:z-10 max-md:w-32 max-md:min-w-[8rem] max-md:shadow-[inset_-1px_0_0_theme(colors.gray.200)]";

/** Every metric of two years, sortable by any column and filtered by what a reviewer looks for. */
export function CompareTable({ rows, from, to, sections }: Props) {
  const [filter, setFilter] = useState<CompareFilter>("all");
  const [threshold, setThreshold] = useState(String(DEFAULT_LARGE_CHANGE_PCT));
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: "section", dir: "asc" });
  const [showAll, setShowAll] = useState(false);
  // The "Show all" button goes away when pressed: focus moves to the first row it revealed.
  const firstRevealed = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (showAll) firstRevealed.current?.focus();
  }, [showAll]);
  const id = useId();
  const titles = useMemo(() => new Map(sections.map((s) => [s.key, s.title])), [sections]);
  const thresholdNumber = Number(threshold);
  const thresholdValid = threshold.trim() !== "" && Number.isFinite(thresholdNumber) && thresholdNumber >= 0;
  const shown = useMemo(
    () =>
      sortRows(
        filterRows(rows, filter, thresholdValid ? thresholdNumber : DEFAULT_LARGE_CHANGE_PCT),
        sort.key,
        sort.dir,
        sections.map((s) => s.key),
      ),
    [rows, filter, thresholdValid, thresholdNumber, sort, sections],
  );
  const drawn = showAll ? shown : shown.slice(0, FIRST_ROWS);

  const header = (key: SortKey, label: string, numeric = false, className = "") => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
        className={`whitespace-nowrap px-2 py-2 font-medium md:px-3 ${numeric ? "text-right" : "text-left"} ${className}`}
      >
        <button
          type="button"
          onClick={() => setSort({ key, dir: active && sort.dir === "asc" ? "desc" : "asc" })}
          className={`inline-flex items-center gap-1 rounded hover:text-blue-800 ${numeric ? "flex-row-reverse" : ""}`}
        >
          {label}
          <span aria-hidden="true" className="text-xs text-gray-500">
            {active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <fieldset>
          <legend className="field-label">Show</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {(Object.keys(FILTER_LABELS) as CompareFilter[]).map((f) => (
              <label key={f} className="inline-flex items-center gap-1.5 text-sm">
                <input
                  type="radio"
                  name={`${id}-filter`}
                  value={f}
                  checked={filter === f}
                  onChange={() => setFilter(f)}
                  className="text-blue-700 focus:ring-blue-600"
                />
                {FILTER_LABELS[f]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="block">
          <span className="field-label">Large change at (%)</span>
          <input
            type="number"
            inputMode="decimal"
            min={0}
            step={1}
            value={threshold}
            onChange={(e) => setThreshold(e.target.value)}
            aria-invalid={!thresholdValid}
            aria-describedby={thresholdValid ? undefined : `${id}-threshold-error`}
            className="field-input w-28"
          />
          {thresholdValid ? null : (
            <span id={`${id}-threshold-error`} className="field-error">
              Enter a number of 0 or more ({DEFAULT_LARGE_CHANGE_PCT} is used meanwhile)
            </span>
          )}
        </label>
      </div>
      <p role="status" className="text-sm text-gray-700">
        {rowsStatus(drawn.length, shown.length, rows.length)}
      </p>
      {/* Focusable so keyboard users can scroll the table sideways on a narrow screen. */}
      <div className="card overflow-x-auto" tabIndex={0} role="region" aria-label={`Figures of ${from} and ${to}`}>
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <caption className="sr-only">
            Figures of {from} and {to} with their change; column headers sort the table
          </caption>
          <thead className="bg-gray-50 text-gray-700">
            <tr>
              {/* On phones the section moves under the figure's name, leaving room for the numbers. */}
              {header("section", "Section", false, "hidden md:table-cell")}
              {header("label", "Figure", false, `${STICKY_NARROW} max-md:bg-gray-50`)}
              {header("from", String(from), true)}
              {header("to", String(to), true)}
              {header("delta", "Change", true)}
              {header("deltaPct", "Change %", true)}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {shown.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-6 text-center text-gray-600">
                  No figure matches this filter.
                </td>
              </tr>
            ) : (
              drawn.map((r, i) => (
                <tr key={r.metricKey} data-metric={r.metricKey} data-status={r.status}>
                  <td className="cell-section">{titles.get(r.section) ?? r.section}</td>
                  <th scope="row" className={`cell-head ${STICKY_NARROW} max-md:bg-white max-md:[overflow-wrap:anywhere]`}>
                    <Link href={`/years/${to}/history/${r.metricKey}`} className="link" ref={i === FIRST_ROWS ? firstRevealed : undefined}>
                      {r.label}
                    </Link>
                    <span className="cell-section-narrow">{titles.get(r.section) ?? r.section}</span>
                    {r.qualifierChanged ? (
                      <span
                        className="mt-0.5 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 md:ml-2 md:whitespace-nowrap"
                        title={`Wording changed from “${qualifierWord(r.fromQualifier)}” to “${qualifierWord(r.toQualifier)}”`}
                      >
                        <span className="sr-only">wording changed: </span>
                        {qualifierWord(r.fromQualifier)} → {qualifierWord(r.toQualifier)}
                      </span>
                    ) : null}
                    {r.break ? <SeriesBreak note={r.break} /> : null}
                  </th>
                  <td className="cell-num">{r.from === null ? <Missing /> : formatValue(r.from, r.unit, r.fromQualifier)}</td>
                  <td className="cell-num">{r.to === null ? <Missing /> : formatValue(r.to, r.unit, r.toQualifier)}</td>
                  <td className="cell-num">{r.delta === null ? "" : formatDelta(r.delta, r.unit)}</td>
                  <td className="cell-num">{r.deltaPct === null ? "" : formatPercentChange(r.deltaPct)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {drawn.length < shown.length ? (
        <button type="button" onClick={() => setShowAll(true)} className="btn-secondary">
          Show all {shown.length} figures
        </button>
      ) : null}
    </div>
  );
}

function Missing() {
  return <span className="text-gray-500">No value</span>;
}
