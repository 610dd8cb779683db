"use client";

import Link from "next/link";
import type { DeltaBadgeType, Tone } from "@/lib/dashboard/series";
import type { KpiView } from "@/lib/dashboard/kpi-view";
import { SeriesBreak } from "@/components/compare/series-break";

// Literal class strings (Tailwind only sees those): the badge's colour follows the metric's direction.
const TONE_CLASSES: Record<Tone, string> = { good: "tone-good", bad: "tone-bad", neutral: "tone-neutral" };
const TONE_WORDS: Record<Tone, string> = { good: ", an improvement", bad: ", a setback", neutral: "" };
// Drawn, not typed: a glyph would become part of the badge's text for screen readers and tests.
const ARROW_POINTS: Record<DeltaBadgeType, string> = { increase: "5,1 9,8 1,8", decrease: "1,2 9,2 5,9", unchanged: "2,1 9,5 2,9" };

/**
 * The KPI cards of one section. A client component only so that the cards travel as their
 * data (lib/dashboard/kpi-view.ts) rather than as a server-rendered element tree: nothing here
 * changes after load.
 */
export function KpiGrid({ cards, year }: { cards: KpiView[]; year: number }) {
  return (
    <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
      {cards.map((card) => (
        <KpiCard key={card.key} card={card} year={year} />
      ))}
    </div>
  );
}

/** One metric of the chosen year: the figure as printed, its change since the last year with a value, its trend. */
function KpiCard({ card, year }: { card: KpiView; year: number }) {
  const { badge, trend } = card;
  return (
    <div className="kpi-card" data-metric={card.key}>
      <p className="kpi-label">{card.label}</p>
      <div className="kpi-row">
        {card.figure !== null ? <p className="kpi-figure">{card.figure}</p> : <p className="text-lg font-medium text-gray-600">No value for {year}</p>}
        {badge ? (
          <span className={`kpi-badge ${TONE_CLASSES[badge.tone]}`} data-tone={badge.tone}>
            <svg viewBox="0 0 10 10" className="h-2.5 w-2.5 fill-current" aria-hidden="true" focusable="false">
              <polygon points={ARROW_POINTS[badge.arrow]} />
            </svg>
            <span className="sr-only">Change since {badge.since}: </span>
            {badge.text}
            {badge.vs ? <span className="ml-1 font-normal">{badge.vs}</span> : null}
            <span className="sr-only">{TONE_WORDS[badge.tone]}</span>
          </span>
        ) : null}
      </div>
      {card.seriesBreak ? <SeriesBreak note={card.seriesBreak} /> : null}
      {card.direction ? <p className="text-[11px] uppercase tracking-wide text-gray-600">{card.direction}</p> : null}
      <p className="text-xs text-gray-600">{card.previous}</p>
      {trend ? (
        <div className="mt-auto">
          <svg viewBox={`0 0 ${trend.width} 32`} preserveAspectRatio="none" className="h-10 w-full" aria-hidden="true" focusable="false">
            <polygon points={trend.points} className="fill-blue-100 stroke-blue-600" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
          </svg>
          <p className="sr-only">Trend {trend.text}.</p>
          <p className="kpi-years" aria-hidden="true">
            <span>{trend.firstYear}</span>
            <span>{trend.lastYear}</span>
          </p>
        </div>
      ) : (
        <p className="mt-auto text-xs text-gray-600">{card.lone}</p>
      )}
      {card.figure !== null ? (
        <Link href={`/years/${year}/history/${card.key}`} className="text-xs link">
          History
          <span className="sr-only">
            {" "}
            of {card.label} in {year}
          </span>
        </Link>
      ) : null}
    </div>
  );
}
