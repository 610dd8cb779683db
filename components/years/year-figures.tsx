import Link from "next/link";
import type { Section } from "@/db/queries/catalog";
import type { PreviousValue } from "@/db/queries/previous-year";
import type { YearValueRow } from "@/db/queries/years";
import { compareValues, type CompareRow } from "@/lib/compare/compare";
import { formatDelta, formatPercentChange, formatValue } from "@/lib/numbers/format";
import { sourceLink } from "@/lib/validation/source";
import { CommentsDrawer, type CommentControls } from "@/components/sign-off/comments-drawer";
import { printFigure } from "@/lib/numbers/printed";

type Props = { year: number; sections: Section[]; values: YearValueRow[]; previous: Map<string, PreviousValue>; comments: CommentControls };

/** Read-only figures of a year, grouped by section as the report prints them. */
export function YearFigures({ year, sections, values, previous, comments }: Props) {
  // Each change against the nearest earlier value, computed and rounded as /compare and the dashboard do (decision 007).
  const metrics = values.map((v) => ({ key: v.metricKey, label: v.label, section: v.section, unit: v.unit, direction: v.direction }));
  const changes = new Map(compareValues(metrics, [...previous.values()], values).map((c) => [c.metricKey, c]));
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
                <div key={row.metricKey} className="card scroll-mt-20 p-4" data-metric={row.metricKey} id={`figure-${row.metricKey}`}>
                  <dt className="text-sm text-gray-700">{row.label}</dt>
                  <dd className="mt-1">
                    <span className={`text-2xl font-semibold tabular-nums ${row.value === null ? "text-gray-500" : ""}`}>
                      {row.value === null ? "No value yet" : printFigure(row)}
                    </span>
                    {row.note ? <p className="mt-1 text-xs text-gray-600">{row.note}</p> : null}
                    {row.source ? <p className="mt-2 break-words text-xs text-gray-500">Source: {linkify(row.source)}</p> : null}
                    <PreviousLine row={row} previous={previous.get(row.metricKey)} change={changes.get(row.metricKey)} />
                    <div className="mt-2 flex flex-wrap items-center gap-3">
                      {row.version > 0 ? (
                        <Link href={`/years/${year}/history/${row.metricKey}`} className="text-xs text-blue-700 underline">
                          History<span className="sr-only"> of {row.label}</span>
                        </Link>
                      ) : null}
                      <CommentsDrawer
                        year={year}
                        metricKey={row.metricKey}
                        label={row.label}
                        openCount={comments.openCounts[row.metricKey] ?? 0}
                        canComment={comments.canComment}
                        canResolve={comments.canResolve}
                      />
                    </div>
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

function PreviousLine({ row, previous, change }: { row: YearValueRow; previous: PreviousValue | undefined; change: CompareRow | undefined }) {
  if (!previous) return null;
  const delta = change?.delta ?? null;
  const deltaPct = change?.deltaPct ?? null;
  return (
    <p className="mt-2 text-xs tabular-nums text-gray-600" data-testid="previous">
      {previous.year}: {formatValue(previous.value, row.unit, previous.qualifier)}
      {delta !== null ? ` · change ${formatDelta(delta, row.unit)}` : ""}
      {deltaPct !== null ? ` (${formatPercentChange(deltaPct)})` : ""}
    </p>
  );
}

/** A source that is a valid web address becomes a link; anything else stays text (never HTML), so no stored value can break the page. */
function linkify(source: string) {
  const link = sourceLink(source);
  if (!link) return source;
  return (
    <a href={link.href} className="text-blue-700 underline" rel="noreferrer noopener" target="_blank">
      {link.host}
    </a>
  );
}
