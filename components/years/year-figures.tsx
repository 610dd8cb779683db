import type { Section } from "@/db/queries/catalog";
import type { YearValueRow } from "@/db/queries/years";
import { formatValue } from "@/lib/numbers/format";

/** Read-only figures of a year, grouped by section as the report prints them. */
export function YearFigures({ sections, values }: { sections: Section[]; values: YearValueRow[] }) {
  return (
    <div className="space-y-8">
      {sections.map((section) => {
        const rows = values.filter((v) => v.section === section.key);
        if (rows.length === 0) return null;
        return (
          <section key={section.key} aria-labelledby={`section-${section.key}`}>
            <h2 id={`section-${section.key}`} className="text-lg font-semibold">
              {section.title}
            </h2>
            <dl className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {rows.map((row) => (
                <div key={row.metricKey} className="card p-4" data-metric={row.metricKey}>
                  <dt className="text-sm text-gray-700">{row.label}</dt>
                  <dd className="mt-1">
                    <span className={`text-2xl font-semibold tabular-nums ${row.value === null ? "text-gray-400" : ""}`}>
                      {row.value === null ? "No value yet" : formatValue(row.value, row.unit, row.qualifier)}
                    </span>
                    {row.note ? <p className="mt-1 text-xs text-gray-600">{row.note}</p> : null}
                    {row.source ? <p className="mt-2 break-words text-xs text-gray-500">Source: {linkify(row.source)}</p> : null}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}

/** A source that is a web address becomes a link; anything else stays text (never HTML). */
function linkify(source: string) {
  if (/^https?:\/\/\S+$/.test(source)) {
    return (
      <a href={source} className="text-blue-700 underline" rel="noreferrer noopener" target="_blank">
        {new URL(source).hostname}
      </a>
    );
  }
  return source;
}
