import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { loadDashboardData } from "@/db/queries/dashboard";
import { ChartFigure, type ChartSeries } from "@/components/dashboard/chart-figure";
import { Completeness } from "@/components/dashboard/completeness";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { KpiSections } from "@/components/dashboard/kpi-sections";
import { LatestEdits } from "@/components/dashboard/latest-edits";
import { MetricChart } from "@/components/dashboard/metric-chart";
import { YearStatuses } from "@/components/dashboard/year-statuses";
import { listMetricBreaks } from "@/db/queries/breaks";
import { listChecksOfYears } from "@/db/queries/checks";
import { countChecks } from "@/lib/checks/summary";
import { alignSeries, buildKpis, defaultDashboardYear, pointsByMetric, sectionCompleteness, yearsWithData } from "@/lib/dashboard/series";
import { yearParam } from "@/lib/validation/params";

export const metadata: Metadata = { title: "Dashboard" };

const WOMEN_METRICS = ["women_mediation_teams_pct", "women_mission_leadership_pct", "women_individual_police_pct", "women_military_observers_pct"];
const PBF_METRICS = ["pbf_approved_budget_usd", "pbf_donor_commitments_usd"];
const DEFAULT_CHART_METRIC = "peacekeepers_total";
const RECENT_YEARS = 6;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const db = await getDb();
  const [{ years, sections, metrics, catalogue, values, latestEdits }, breaks] = await Promise.all([loadDashboardData(db), listMetricBreaks(db)]);

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
  // The review status of the newest years (years are newest first), with their checks counted in one pass.
  const recentYears = years.slice(0, RECENT_YEARS);
  const checkCounts = new Map(
    [
      // The catalogue, the values and the breaks are this page's own reads of a moment ago: not read again.
      ...(await listChecksOfYears(
        db,
        recentYears.map((y) => y.year),
        { catalogue, values, breaks },
      )),
    ].map(([y, checks]) => [y, countChecks(checks)]),
  );
  const newest = years[0];

  // Charts span the years that hold any value at all; a metric's missing years stay gaps.
  const chartYears = yearsWithData(values);
  const metricByKey = new Map(metrics.map((m) => [m.key, m]));
  const byMetric = pointsByMetric(values);
  const seriesOf = (key: string): (ChartSeries & { key: string }) | null => {
    const metric = metricByKey.get(key);
    if (!metric) return null;
    const points = byMetric.get(key) ?? [];
    const qualifierOf = new Map(points.map((p) => [p.year, p.qualifier]));
    return {
      key,
      label: metric.label,
      unit: metric.unit,
      points: alignSeries(chartYears, points).map((a) => ({ ...a, qualifier: qualifierOf.get(a.year) ?? null })),
    };
  };
  const present = <T,>(x: T | null): x is T => x !== null;
  // Only the chosen metric's series goes to the browser; the others are names, by section.
  const figureGroups = sections
    .map((s) => ({ title: s.title, options: metrics.filter((m) => m.section === s.key).map((m) => ({ key: m.key, label: m.label })) }))
    .filter((g) => g.options.length > 0);
  const askedMetric = first(params.metric);
  const chosenSeries = seriesOf(
    askedMetric && metricByKey.has(askedMetric) ? askedMetric : metricByKey.has(DEFAULT_CHART_METRIC) ? DEFAULT_CHART_METRIC : (metrics[0]?.key ?? ""),
  );
  const women = WOMEN_METRICS.map(seriesOf).filter(present);
  const pbf = PBF_METRICS.map(seriesOf).filter(present);

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
        {chosenSeries ? <MetricChart groups={figureGroups} chosen={chosenSeries} /> : null}
        <div className="grid gap-4 xl:grid-cols-2">
          {women.length > 0 ? <ChartFigure title="Women's participation (per cent)" series={women} colors={["violet", "blue", "emerald", "amber"]} /> : null}
          {pbf.length > 0 ? (
            <ChartFigure title="Peacebuilding Fund: approved budget and donor commitments" series={pbf} colors={["blue", "amber"]} initialKind="bar" />
          ) : null}
        </div>
      </section>
    </div>
  );
}
