import type { SectionCompleteness } from "@/lib/dashboard/series";

/** Per section: how many metrics have a value in the year, and which are still missing. */
export function Completeness({ rows, titles, year }: { rows: SectionCompleteness[]; titles: Map<string, string>; year: number }) {
  return (
    <ul className="space-y-4">
      {rows.map((r) => {
        const pct = r.total === 0 ? 0 : Math.round((r.filled / r.total) * 100);
        return (
          <li key={r.section} data-section={r.section}>
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span className="font-medium text-gray-800">{titles.get(r.section) ?? r.section}</span>
              <span className="shrink-0 tabular-nums text-gray-700">
                {r.filled} of {r.total}
              </span>
            </div>
            <div className="mt-1.5 h-2 rounded-full bg-gray-200" aria-hidden="true">
              <div className={`h-2 rounded-full ${pct === 100 ? "bg-emerald-500" : "bg-blue-600"}`} style={{ width: `${pct}%` }} />
            </div>
            {r.missing.length > 0 ? (
              <details className="mt-1 text-sm">
                <summary className="cursor-pointer text-gray-700">
                  {r.missing.length} missing in {year}
                </summary>
                <ul className="mt-1 list-disc space-y-0.5 pl-5 text-gray-700">
                  {r.missing.map((m) => (
                    <li key={m.key}>{m.label}</li>
                  ))}
                </ul>
              </details>
            ) : (
              <p className="mt-1 text-sm text-emerald-800">Complete</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
