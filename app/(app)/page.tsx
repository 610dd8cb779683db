import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { loadDashboardData } from "@/db/queries/dashboard";
import { Completeness } from "@/components/dashboard/completeness";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { KpiSections } from "@/components/dashboard/kpi-sections";
import { LatestEdits } from "@/components/dashboard/latest-edits";
import { DashboardCharts } from "@/components/dashboard/dashboard-charts";
import { YearStatuses } from "@/components/dashboard/year-statuses";
import { listAllMetricBreaks } from "@/db/queries/breaks";
import { listChecksOfYears } from "@/db/queries/checks";
import { countChecks } from "@/lib/checks/summary";
import { buildKpis, defaultDashboardYear, sectionCompleteness } from "@/lib/dashboard/series";
import { yearParam } from "@/lib/validation/params";

export const metadata: Metadata = { title: "Dashboard" };

const RECENT_YEARS = 6;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const db = await getDb();
  // The review status's checks of the newest years are read beside the rest, not after it: within
  // this render they share the catalogue, the values and the breaks read here (React's cache).
  const [{ years, sections, metrics, values, latestEdits }, breaks, checksOfRecentYears] = await Promise.all([
    loadDashboardData(db),
    listAllMetricBreaks(db),
    listChecksOfYears(db, { newest: RECENT_YEARS }),
  ]);

  const fallbackYear = defaultDashboardYear(years);
  const asked = first(params.year);
  const parsedYear = asked === undefined ? null : yearParam.safeParse(asked);
  const askedYear = parsedYear?.success && years.some((y) => y.year === parsedYear.data) ? parsedYear.data : null;
  const year = askedYear ?? fallbackYear ?? years[0]?.year ?? null;
  const sectionKey = sections.some((s) => s.key === first(params.section)) ? first(params.section)! : null;

  if (year === null) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="text-gray-700">No reporting year has been opened yet.</p>
      </div>
    );
  }

  const titles = new Map(sections.map((s) => [s.key, s.title]));
  const kpis = buildKpis(metrics, values, year);
  const shownSections = sectionKey ? sections.filter((s) => s.key === sectionKey) : sections;
  const completeness = sectionCompleteness(shownSections, kpis);
  const filled = kpis.filter((k) => k.current !== null).length;
  const previousYear = years
    .map((y) => y.year)
    .filter((y) => y < year)
    .sort((a, b) => b - a)[0];
  // The review status of the newest years (years are newest first), with their checks counted.
  const recentYears = years.slice(0, RECENT_YEARS);
  const checkCounts = new Map([...checksOfRecentYears].map(([y, checks]) => [y, countChecks(checks)]));
  const newest = years[0];

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Dashboard, {year}</h1>
          <p className="mt-1 text-sm text-gray-700">
            {filled} of {metrics.length} figures have a value. Changes are against the latest earlier year with a value for that figure.
          </p>
          {askedYear === null && fallbackYear === year && newest && newest.year !== year ? (
            <p className="mt-1 text-sm text-gray-700" data-testid="default-year">
              Showing {year}, the newest year being worked on with at least half as many figures as the fullest year; {newest.year} has {newest.valueCount} so
              far.
            </p>
          ) : null}
          {asked !== undefined && askedYear === null ? (
            <p role="status" className="mt-2 text-sm text-amber-900">
              There is no reporting year “{asked}”: showing {year}.
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <DashboardFilters years={years} sections={sections} year={year} section={sectionKey} />
          {previousYear ? (
            <Link href={`/compare?from=${previousYear}&to=${year}`} className="btn-secondary">
              Compare with {previousYear}
            </Link>
          ) : null}
        </div>
      </div>

      <section aria-labelledby="kpis-heading" className="space-y-6">
        <h2 id="kpis-heading" className="sr-only">
          Key figures
        </h2>
        <KpiSections year={year} sections={shownSections} kpis={kpis} catalogueSize={metrics.length} oneSection={sectionKey !== null} breaks={breaks} />
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="review-heading" className="card p-4">
          <h2 id="review-heading" className="text-lg font-semibold">
            Review status
          </h2>
          <div className="mt-2">
            <YearStatuses years={recentYears} counts={checkCounts} total={metrics.filter((m) => !m.archived).length} />
          </div>
          {years.length > recentYears.length ? (
            <p className="mt-2 text-sm">
              <Link href="/years" className="link">
                All {years.length} years
              </Link>
            </p>
          ) : null}
        </section>
        <section aria-labelledby="completeness-heading" className="card p-4">
          <h2 id="completeness-heading" className="text-lg font-semibold">
            Completeness of {year}
          </h2>
          <div className="mt-3">
            <Completeness rows={completeness} titles={titles} year={year} />
          </div>
        </section>
        <section aria-labelledby="edits-heading" className="card p-4">
          <h2 id="edits-heading" className="text-lg font-semibold">
            Latest edits
          </h2>
          <div className="mt-1">
            <LatestEdits edits={latestEdits} />
          </div>
        </section>
      </div>

      <section aria-labelledby="charts-heading" className="space-y-4">
        <h2 id="charts-heading" className="text-lg font-semibold">
          Over the years
        </h2>
        <DashboardCharts sections={sections} metrics={metrics} values={values} asked={first(params.metric)} />
      </section>
    </div>
  );
}
