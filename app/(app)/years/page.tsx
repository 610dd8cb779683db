import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listYears } from "@/db/queries/years";
import { AllYearsExport } from "@/components/years/all-years-export";
import { OpenYearForm } from "@/components/years/open-year-form";
import { YearStatusBadge } from "@/components/years/year-status-badge";
import { currentActor } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { MAX_YEAR } from "@/lib/domain";

export const metadata: Metadata = { title: "Years" };

export default async function YearsPage() {
  const [actor, years] = await Promise.all([currentActor(), listYears(await getDb())]);
  const latest = years[0]?.year ?? new Date().getUTCFullYear() - 1;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Reporting years</h1>
        {years.length > 0 ? <AllYearsExport /> : null}
      </div>
      {actor && can(actor.role, "years:open") ? <OpenYearForm suggested={Math.min(latest + 1, MAX_YEAR)} years={years.map((y) => y.year)} /> : null}
      {years.length === 0 ? (
        <p className="text-gray-600">No reporting years yet.</p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="min-w-full divide-y divide-gray-200 text-sm">
            <caption className="sr-only">Reporting years with their status and number of figures</caption>
            <thead className="bg-gray-50 text-left text-gray-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Year
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Figures with a value
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {years.map((y) => (
                <tr key={y.year}>
                  <th scope="row" className="px-4 py-2 text-left font-medium">
                    <Link href={`/years/${y.year}`} className="text-blue-700 underline-offset-2 hover:underline">
                      {y.year}
                    </Link>
                  </th>
                  <td className="px-4 py-2">
                    <YearStatusBadge status={y.status} />
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{y.valueCount.toLocaleString("en-US")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
