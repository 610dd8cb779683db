import type { Revision } from "@/db/queries/history";
import type { Unit } from "@/lib/domain";
import { printFigure } from "@/lib/numbers/printed";
import { PROVENANCE_FIELDS, PROVENANCE_LABELS } from "@/lib/validation/provenance";
import { formatUtc } from "@/lib/time/utc";

type Props = {
  revisions: Revision[];
  /** The revision just before the oldest shown, so the oldest row can show what it changed. */
  older: Revision | null;
  unit: Unit;
};

const FIELDS = [
  { key: "value", label: "Value" },
  { key: "qualifier", label: "Qualifier" },
  { key: "source", label: "Source" },
  { key: "note", label: "Note" },
] as const;

/** A value's revisions, newest first; each field that differs from the revision before it is marked. */
export function RevisionList({ revisions, older, unit }: Props) {
  if (revisions.length === 0) return <p className="text-sm text-gray-600">No revisions yet: this value has never been saved.</p>;
  return (
    <ol className="space-y-3" aria-label="Revisions, newest first">
      {revisions.map((revision, i) => {
        const before = revisions[i + 1] ?? older;
        const shown: Record<(typeof FIELDS)[number]["key"], string> = {
          value: revision.value === null ? "No value" : printFigure({ value: revision.value, unit, qualifier: revision.qualifier, wording: revision.wording }),
          qualifier: revision.qualifier ?? "none",
          source: revision.source ?? "—",
          note: revision.note ?? "—",
        };
        return (
          <li key={revision.id} className="card p-4 text-sm" data-testid="revision">
            <p className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-medium">Version {revision.version}</span>
              <span className="text-gray-600">
                {revision.changedBy ?? "Unknown"} · <time dateTime={revision.changedAt}>{formatUtc(revision.changedAt)}</time>
              </span>
            </p>
            <dl className="mt-2 grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1">
              {FIELDS.map((field) => {
                const changed = before !== null && before[field.key] !== revision[field.key];
                return (
                  <div key={field.key} className="contents">
                    <dt className="text-gray-600">{field.label}</dt>
                    <dd className="break-words">
                      {changed ? (
                        <mark className="rounded bg-amber-100 px-1 text-gray-900" data-changed={field.key}>
                          {shown[field.key]}
                          <span className="sr-only"> (changed)</span>
                        </mark>
                      ) : (
                        shown[field.key]
                      )}
                    </dd>
                  </div>
                );
              })}
              {PROVENANCE_FIELDS.filter((f) => revision[f] !== null).map((f) => (
                <div key={f} className="contents">
                  <dt className="text-gray-600">{PROVENANCE_LABELS[f]}</dt>
                  <dd className="break-words">{revision[f]}</dd>
                </div>
              ))}
              <dt className="text-gray-600">Reason</dt>
              <dd className="break-words">{revision.reason ?? <span className="text-gray-500">No reason given</span>}</dd>
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
