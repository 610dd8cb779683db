import type { Metric, Section } from "@/db/queries/catalog";
import type { ValuePoint } from "@/db/queries/value-points";
import { alignSeries, pointsByMetric, yearsWithData } from "@/lib/dashboard/series";
import { ChartFigure, type ChartSeries } from "./chart-figure";
import { MetricChart } from "./metric-chart";

const WOMEN_METRICS = ["women_mediation_teams_pct", "women_mission_leadership_pct", "women_individual_police_pct", "women_military_observers_pct"];
const PBF_METRICS = ["pbf_approved_budget_usd", "pbf_donor_commitments_usd"];
const DEFAULT_CHART_METRIC = "peacekeepers_total";

type Props = {
  sections: readonly Section[];
  metrics: readonly Metric[];
  values: readonly ValuePoint[];
  /** The metric the reader picked for the chart of one figure (`?metric=`), if any. */
  asked: string | undefined;
};

/** The dashboard's charts over the years: one figure of the reader's choice, women's participation, the Peacebuilding Fund. */
export function DashboardCharts({ sections, metrics, values, asked }: Props) {
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
  const chosenSeries = seriesOf(
    asked && metricByKey.has(asked) ? asked : metricByKey.has(DEFAULT_CHART_METRIC) ? DEFAULT_CHART_METRIC : (metrics[0]?.key ?? ""),
  );
  const women = WOMEN_METRICS.map(seriesOf).filter(present);
  const pbf = PBF_METRICS.map(seriesOf).filter(present);
  return (
    <>
      {chosenSeries ? <MetricChart groups={figureGroups} chosen={chosenSeries} /> : null}
      <div className="grid gap-4 xl:grid-cols-2">
        {women.length > 0 ? <ChartFigure title="Women's participation (per cent)" series={women} colors={["violet", "blue", "emerald", "amber"]} /> : null}
        {pbf.length > 0 ? (
          <ChartFigure title="Peacebuilding Fund: approved budget and donor commitments" series={pbf} colors={["blue", "amber"]} initialKind="bar" />
        ) : null}
      </div>
    </>
  );
}
