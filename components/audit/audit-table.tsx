import type { AuditEntryView } from "@/db/queries/audit";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/actions";

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

const show = (v: unknown): string => (v === null || v === undefined || v === "" ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/** The detail column: "from → to" for changes, "name: value" otherwise. */
function describe(detail: Record<string, unknown> | null): string {
  if (!detail) return "";
  const parts: string[] = [];
  for (const [name, value] of Object.entries(detail)) {
    if (name === "changes" && value && typeof value === "object") {
      for (const [field, change] of Object.entries(value as Record<string, { from: unknown; to: unknown }>)) {
        parts.push(`${field}: ${show(change.from)} → ${show(change.to)}`);
      }
    } else if (name === "from" || name === "to") {
      if (name === "from") parts.push(`${show(detail.from)} → ${show(detail.to)}`);
    } else {
      parts.push(`${name}: ${show(value)}`);
    }
  }
  return parts.join(" · ");
}

const actionLabel = (action: string) => AUDIT_ACTION_LABELS[action as keyof typeof AUDIT_ACTION_LABELS] ?? action;

/** A table on wide screens; on a phone, one card per entry, since six columns do not fit. */
export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  return (
    <>
      <ul className="space-y-3 md:hidden" aria-label="Audit log entries, newest first">
        {entries.map((e) => (
          <li key={e.id} className="card p-3 text-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <span className="font-medium">{actionLabel(e.action)}</span>
              <span className="text-xs tabular-nums text-gray-600">{WHEN.format(e.at)} UTC</span>
            </div>
            <div className="mt-1 break-words text-gray-800">{e.actorName ?? e.actorEmail ?? "—"}</div>
            {e.year !== null || e.metricKey ? (
              <div className="mt-1 text-xs text-gray-700">{[e.year, e.metricKey].filter((v) => v !== null).join(" · ")}</div>
            ) : null}
            <div className="mt-1 break-words text-xs text-gray-600">
              {describe(e.detail)}
              {e.ip ? <div className="text-gray-500">from {e.ip}</div> : null}
            </div>
          </li>
        ))}
      </ul>
      <AuditWideTable entries={entries} />
    </>
  );
}

function AuditWideTable({ entries }: { entries: AuditEntryView[] }) {
  return (
    <div className="card relative hidden overflow-x-auto md:block">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption className="sr-only">Audit log entries, newest first</caption>
        <thead className="bg-gray-50 text-left text-gray-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              When (UTC)
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Who
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Action
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Year
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Metric
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {entries.map((e) => (
            <tr key={e.id} data-audit-action={e.action} className="align-top">
              <td className="whitespace-nowrap px-4 py-2 tabular-nums">{WHEN.format(e.at)}</td>
              <td className="px-4 py-2">
                <div className="font-medium">{e.actorName ?? e.actorEmail ?? "—"}</div>
                {e.actorName && e.actorEmail ? <div className="break-words text-xs text-gray-500">{e.actorEmail}</div> : null}
              </td>
              <td className="px-4 py-2">{actionLabel(e.action)}</td>
              <td className="px-4 py-2 tabular-nums">{e.year ?? "—"}</td>
              <td className={`px-4 py-2 ${e.metricKey ? "font-mono text-xs" : ""}`}>{e.metricKey ?? "—"}</td>
              <td className="min-w-48 px-4 py-2 text-xs text-gray-700">
                {describe(e.detail)}
                {e.ip ? <div className="text-gray-500">from {e.ip}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
