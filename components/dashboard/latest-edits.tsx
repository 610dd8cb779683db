import Link from "next/link";
import type { LatestEdit } from "@/db/queries/dashboard";
import { formatValue } from "@/lib/numbers/format";

/** "28 Nov 2026, 09:03 UTC": the same on the server and in every browser. */
function when(d: Date): string {
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()];
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** The newest value revisions: who changed what, when, each linking to the value's history. */
export function LatestEdits({ edits }: { edits: LatestEdit[] }) {
  if (edits.length === 0) return <p className="text-sm text-gray-600">No figures have been entered yet.</p>;
  return (
    <ol className="divide-y divide-gray-100">
      {edits.map((e) => (
        <li key={e.id} className="py-2 text-sm">
          <Link href={`/years/${e.year}/history/${e.metricKey}`} className="font-medium link">
            {e.label}, {e.year}
          </Link>
          <p className="text-gray-800">
            <span className="tabular-nums">{e.value === null ? "cleared" : formatValue(e.value, e.unit, e.qualifier)}</span>
            {e.reason ? <span className="text-gray-600"> · {e.reason}</span> : null}
          </p>
          <p className="text-xs text-gray-600">
            {e.changedBy ?? "Imported with the report"} · <time dateTime={e.changedAt.toISOString()}>{when(e.changedAt)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
