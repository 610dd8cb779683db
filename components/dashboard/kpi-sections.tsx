import Link from "next/link";
import type { MetricBreak } from "@/db/queries/breaks";
import { kpiView } from "@/lib/dashboard/kpi-view";
import { groupKpis, type Kpi } from "@/lib/dashboard/series";
import { FIGURES_ON_ONE_PAGE } from "@/lib/domain";
import { KpiGrid } from "./kpi-grid";

// A catalogue too large for one page (FIGURES_ON_ONE_PAGE) shows, with every section, each
// section's first cards in catalogue order and links to the rest: hundreds of cards is no overview.
const CARDS_PER_SECTION = 8;

type Props = {
  year: number;
  /** The sections shown, in report order. */
  sections: readonly { key: string; title: string }[];
  kpis: readonly Kpi[];
  /** How many figures the catalogue holds: past one page, each section shows its first cards. */
  catalogueSize: number;
  /** The dashboard is filtered to one section: all its cards. */
  oneSection: boolean;
  breaks: readonly MetricBreak[];
};

/** The dashboard's key figures, a grid of cards per section, with a link to the rest of a section cut short. */
export function KpiSections({ year, sections, kpis, catalogueSize, oneSection, breaks }: Props) {
  const titles = new Map(sections.map((s) => [s.key, s.title]));
  return groupKpis(sections, kpis, { perSection: catalogueSize > FIGURES_ON_ONE_PAGE ? CARDS_PER_SECTION : Infinity, oneSection }).map((g) => (
    <section key={g.section} aria-labelledby={`kpi-${g.section}`}>
      <h3 id={`kpi-${g.section}`} className="text-lg font-semibold">
        {titles.get(g.section)}
      </h3>
      <KpiGrid cards={g.shown.map((k) => kpiView(k, year, breaks))} year={year} />
      {g.shown.length < g.total ? (
        <p className="mt-3 text-sm">
          <Link href={`/?year=${year}&section=${g.section}`} className="link font-medium">
            All {g.total} figures of {titles.get(g.section)}
          </Link>
          <span className="text-gray-600"> ({g.total - g.shown.length} more)</span>
        </p>
      ) : null}
    </section>
  ));
}
