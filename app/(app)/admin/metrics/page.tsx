import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listMetricValueYears, listMetrics, listSections } from "@/db/queries/catalog";
import { requirePermission } from "@/server/auth/page-access";
import { requirePageActor } from "@/server/auth/page-guard";
import { formatPlain, unitLabel } from "@/lib/numbers/format";

export const metadata: Metadata = { title: "Metrics" };

const DIRECTION_LABELS = { up: "Up is good", down: "Down is good", neutral: "Neutral" } as const;

export default async function MetricsAdminPage() {
  const actor = await requirePageActor("/admin/metrics");
  requirePermission(actor, "metrics:manage");
  const db = await getDb();
  const [sections, metrics, valueYears] = await Promise.all([listSections(db), listMetrics(db), listMetricValueYears(db)]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Metric definitions</h1>
          <p className="mt-1 text-sm text-gray-600">
            {metrics.length} metrics, {metrics.filter((m) => m.archived).length} archived. Archived metrics keep their values in past years and are left out of
            new ones.
          </p>
        </div>
        <Link href="/admin/metrics/new" className="btn-primary">
          New metric
        </Link>
      </div>
      {sections.map((section) => {
        const rows = metrics.filter((m) => m.section === section.key);
        return (
          <section key={section.key} aria-labelledby={`section-${section.key}`} className="card overflow-hidden">
            <h2 id={`section-${section.key}`} className="border-b border-gray-200 bg-gray-50 px-4 py-2 text-base font-semibold">
              {section.title}
            </h2>
            {rows.length === 0 ? (
              <p className="px-4 py-3 text-sm text-gray-600">No metrics in this section yet.</p>
            ) : (
              <div className="relative overflow-x-auto">
                <table className="min-w-full divide-y divide-gray-200 text-sm md:table-fixed">
                  <thead className="text-left text-gray-700">
                    <tr>
                      <th scope="col" className="px-4 py-2 font-medium">
                        Metric
                      </th>
                      <th scope="col" className="px-4 py-2 font-medium md:w-40">
                        Unit
                      </th>
                      <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell md:w-36">
                        Direction
                      </th>
                      <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell md:w-36">
                        Range
                      </th>
                      <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell md:w-44">
                        Years with values
                      </th>
                      <th scope="col" className="px-4 py-2 font-medium md:w-28">
                        Status
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-gray-100">
                    {rows.map((m) => {
                      const years = valueYears.get(m.key) ?? [];
                      return (
                        <tr key={m.key} data-metric-row={m.key} className={m.archived ? "bg-gray-50 text-gray-500" : undefined}>
                          <th scope="row" className="px-4 py-2 text-left font-normal">
                            <Link href={`/admin/metrics/${m.key}`} className="font-medium text-blue-700 underline-offset-2 hover:underline">
                              {m.label}
                            </Link>
                            <div className="break-all font-mono text-xs text-gray-500">{m.key}</div>
                          </th>
                          <td className="px-4 py-2">{unitLabel(m.unit)}</td>
                          <td className="hidden whitespace-nowrap px-4 py-2 md:table-cell">{DIRECTION_LABELS[m.direction]}</td>
                          <td className="hidden whitespace-nowrap px-4 py-2 tabular-nums md:table-cell">
                            {m.min === null && m.max === null
                              ? "—"
                              : `${m.min === null ? "…" : formatPlain(m.min, m.unit)} to ${m.max === null ? "…" : formatPlain(m.max, m.unit)}`}
                          </td>
                          <td className="hidden px-4 py-2 md:table-cell">
                            {years.length === 0 ? "none" : years.length <= 3 ? years.join(", ") : `${years.length} (${years[0]}–${years.at(-1)})`}
                          </td>
                          <td className="px-4 py-2">
                            {m.archived ? (
                              <span className="rounded-full bg-gray-200 px-2 py-0.5 text-xs font-medium text-gray-800">Archived</span>
                            ) : (
                              <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">In use</span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
