import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listYearValues, listYears } from "@/db/queries/years";
import { formatValue } from "@/lib/numbers/format";

export const metadata: Metadata = { title: "Dashboard" };

const HEADLINES = ["peacekeepers_total", "women_mediation_teams_pct", "pbf_approved_budget_usd", "explosive_items_removed"];

export default async function OverviewPage() {
  const db = await getDb();
  const years = await listYears(db);
  // A year with a handful of early figures is not yet "the latest report": take the newest at least half as full as the fullest.
  const fullest = Math.max(0, ...years.map((y) => y.valueCount));
  const latest = years.find((y) => y.valueCount > 0 && y.valueCount * 2 >= fullest);
  const values = latest ? await listYearValues(db, latest.year) : [];
  const headlines = HEADLINES.map((key) => values.find((v) => v.metricKey === key)).filter((v) => v !== undefined);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
      {latest ? (
        <section aria-labelledby="headlines">
          <h2 id="headlines" className="text-lg font-semibold">
            Headline figures, {latest.year}
          </h2>
          <dl className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {headlines.map((v) => (
              <div key={v.metricKey} className="card p-4">
                <dt className="text-sm text-gray-700">{v.label}</dt>
                <dd className="mt-1 text-2xl font-semibold tabular-nums">{formatValue(v.value, v.unit, v.qualifier)}</dd>
              </div>
            ))}
          </dl>
          <Link href={`/years/${latest.year}`} className="mt-4 inline-block text-sm text-blue-700 underline">
            All {latest.year} figures and quotes
          </Link>
        </section>
      ) : (
        <p className="text-gray-600">No figures have been entered yet.</p>
      )}
    </div>
  );
}
