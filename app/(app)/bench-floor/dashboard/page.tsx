import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listAllMetricBreaks } from "@/db/queries/breaks";
import { loadDashboardData } from "@/db/queries/dashboard";
import { DashboardCharts } from "@/components/dashboard/dashboard-charts";
import { KpiSections } from "@/components/dashboard/kpi-sections";
import { benchFloorEnabled } from "@/lib/env";
import { buildKpis, defaultDashboardYear } from "@/lib/dashboard/series";

export const dynamic = "force-dynamic";

/**
 * A floor for `npm run bench`: the key figures and the charts the dashboard shows for its default
 * year, drawn by the same components in a signed-in page of the app with nothing else (the app's
 * layout and its session check, but no review status with its checks, completeness or latest
 * edits). Set beside the dashboard and the values API
 * (docs/decisions/040-the-floors-measured-in-the-run.md). Only when the benchmark's server sets
 * BENCH_FLOOR=1; anywhere else it is not found.
 */
export default async function BenchFloorDashboardPage() {
  if (!benchFloorEnabled()) notFound();
  const db = await getDb();
  const [{ years, sections, metrics, values }, breaks] = await Promise.all([loadDashboardData(db), listAllMetricBreaks(db)]);
  const year = defaultDashboardYear(years) ?? years[0]?.year;
  if (year === undefined) notFound();
  return (
    <main className="space-y-6 p-6">
      <KpiSections year={year} sections={sections} kpis={buildKpis(metrics, values, year)} catalogueSize={metrics.length} oneSection={false} breaks={breaks} />
      <DashboardCharts sections={sections} metrics={metrics} values={values} asked={undefined} />
    </main>
  );
}
