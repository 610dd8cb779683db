import Link from "next/link";
import type { ReportingYear } from "@/db/queries/years";
import type { CheckCounts } from "@/lib/checks/summary";
import { YearStatusBadge } from "@/components/years/year-status-badge";

/** Where each recent year stands in review: its status and how many checks fail, linking to the year's checks. */
export function YearStatuses({ years, counts, total }: { years: ReportingYear[]; counts: Map<number, CheckCounts>; total: number }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Status and checks of the most recent years</caption>
        <thead className="text-left text-gray-700">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Year
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Status
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              Figures
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              Errors
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Warnings
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {years.map((y) => {
            const c = counts.get(y.year) ?? { error: 0, warning: 0 };
            return (
              <tr key={y.year} data-year={y.year}>
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  <Link href={`/years/${y.year}#checks-heading`} className="link font-medium">
                    {y.year}
                  </Link>
                </th>
                <td className="py-1.5 pr-3">
                  <YearStatusBadge status={y.status} />
                </td>
                <td className="py-1.5 pr-3 text-right tabular-nums">
                  {y.valueCount} of {total}
                </td>
                <td className={`py-1.5 pr-3 text-right tabular-nums ${c.error > 0 ? "font-semibold text-red-800" : ""}`}>{c.error}</td>
                <td className="py-1.5 text-right tabular-nums">{c.warning}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
