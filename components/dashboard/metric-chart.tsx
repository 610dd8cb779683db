"use client";

import { useState } from "react";
import { ChartFigure, type ChartSeries } from "./chart-figure";

type Option = ChartSeries & { key: string };

/** One metric over every year, chosen by the reader; the choice is kept in the address (?metric=). */
export function MetricChart({ options, initialKey }: { options: Option[]; initialKey: string }) {
  const [key, setKey] = useState(options.some((o) => o.key === initialKey) ? initialKey : (options[0]?.key ?? ""));
  const chosen = options.find((o) => o.key === key);
  if (!chosen) return null;

  const choose = (next: string) => {
    setKey(next);
    const url = new URL(window.location.href);
    url.searchParams.set("metric", next);
    window.history.replaceState(null, "", url);
  };

  return (
    <ChartFigure title={`${chosen.label} over the years`} series={[chosen]} colors={["blue"]}>
      <label className="flex items-center gap-2 text-sm">
        <span className="font-medium text-gray-800">Figure</span>
        <select value={key} onChange={(e) => choose(e.target.value)} className="max-w-[16rem] rounded-md border-gray-300 py-1.5 text-sm shadow-sm focus:border-blue-600 focus:ring-blue-600">
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    </ChartFigure>
  );
}
