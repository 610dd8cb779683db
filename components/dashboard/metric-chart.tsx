"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { ChartFigure, type ChartSeries } from "./chart-figure";

/**
 * One metric over every year, chosen by the reader. The choice lives in the address
 * (?metric=) and the server sends that one series: with hundreds of metrics, shipping every
 * series to the browser made the dashboard heavy to load.
 */
export type FigureGroup = { title: string; options: { key: string; label: string }[] };

export function MetricChart({ groups, chosen }: { groups: FigureGroup[]; chosen: ChartSeries & { key: string } }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  const choose = (next: string) => {
    const params = new URLSearchParams(searchParams.toString());
    params.set("metric", next);
    startTransition(() => router.replace(`${pathname}?${params.toString()}`, { scroll: false }));
  };

  return (
    <ChartFigure title={`${chosen.label} over the years`} series={[chosen]} colors={["blue"]}>
      <label className="flex items-center gap-2 text-sm">
        <span className="font-medium text-gray-800">Figure</span>
        <select
          value={chosen.key}
          onChange={(e) => choose(e.target.value)}
          aria-busy={pending}
          className="max-w-[16rem] rounded-md border-gray-300 py-1.5 text-sm shadow-sm focus:border-blue-600 focus:ring-blue-600"
        >
          {groups.map((g) => (
            <optgroup key={g.title} label={g.title}>
              {g.options.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
    </ChartFigure>
  );
}
