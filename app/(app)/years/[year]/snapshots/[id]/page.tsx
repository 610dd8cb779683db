import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listMetrics } from "@/db/queries/catalog";
import { findSnapshot } from "@/db/queries/snapshots";
import { listYearQuotes, listYearValues } from "@/db/queries/years";
import { SnapshotDownloads } from "@/components/years/snapshot-downloads";
import { compareQuotes, compareValues } from "@/lib/compare/compare";
import { formatValue } from "@/lib/numbers/format";
import { parseSnapshotContent } from "@/lib/snapshot/content";
import { formatUtc } from "@/lib/time/utc";
import { idParams, yearParam } from "@/lib/validation/params";

type Props = { params: Promise<{ year: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `${p.year} since snapshot ${p.id}` };
}

const STATUS_TEXT = { changed: "changed", added: "new value", removed: "value removed" } as const;

/** What changed in the live figures and quotes since a snapshot was taken. */
export default async function SnapshotChangesPage({ params }: Props) {
  const raw = await params;
  const year = yearParam.safeParse(raw.year);
  const id = idParams.shape.id.safeParse(raw.id);
  if (!year.success || !id.success) notFound();
  const db = await getDb();
  const snapshot = await findSnapshot(db, id.data);
  if (!snapshot || snapshot.year !== year.data) notFound();
  const content = parseSnapshotContent(snapshot.content);
  const [metrics, liveValues, liveQuotes] = await Promise.all([listMetrics(db), listYearValues(db, year.data), listYearQuotes(db, year.data)]);

  const valueRows = compareValues(
    metrics.map((m) => ({ key: m.key, label: m.label, section: m.section, unit: m.unit, direction: m.direction })),
    content.values,
    liveValues,
  ).filter((r) => r.status === "changed" || r.status === "added" || r.status === "removed");
  const frozen = new Map(content.values.map((v) => [v.metricKey, v]));
  const textChanges = liveValues.flatMap((v) => {
    const then = frozen.get(v.metricKey);
    const note = (then?.note ?? null) !== v.note;
    const source = (then?.source ?? null) !== v.source;
    return note || source ? [{ metricKey: v.metricKey, label: v.label, then, now: v, note, source }] : [];
  });
  const quotes = compareQuotes(
    content.quotes.map((q, i) => ({ id: -(i + 1), ...q })),
    liveQuotes,
  );
  const nothing = valueRows.length === 0 && textChanges.length === 0 && quotes.added.length + quotes.removed.length + quotes.changed.length === 0;

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/years/${year.data}/snapshots`} className="text-blue-700 underline-offset-2 hover:underline">
            ← Snapshots of {year.data}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">
          {year.data}: changes since snapshot #{snapshot.id}
        </h1>
        <p className="mt-1 text-sm text-gray-600">
          Taken {formatUtc(snapshot.createdAt)} by {snapshot.createdBy ?? "—"}
          {snapshot.reason ? ` (${snapshot.reason})` : ""} · sha256 <span className="break-all font-mono text-xs">{snapshot.sha256}</span>
        </p>
        <p className="mt-2 flex items-center gap-2 text-sm">
          Download this snapshot: <SnapshotDownloads id={snapshot.id} />
        </p>
      </div>

      {snapshot.signOff ? (
        <section aria-labelledby="sign-off-override" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-950">
          <h2 id="sign-off-override" className="font-semibold">
            Signed off overriding {snapshot.signOff.failingChecks.length} failing error check{snapshot.signOff.failingChecks.length === 1 ? "" : "s"}
          </h2>
          <p className="mt-1 whitespace-pre-wrap">Reason: {snapshot.signOff.overrideReason}</p>
          <ul className="mt-2 list-disc pl-5">
            {snapshot.signOff.failingChecks.map((c, i) => (
              <li key={i}>{c.message}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {nothing ? <p className="card p-4">Nothing has changed since this snapshot: the live figures and quotes are the same.</p> : null}

      {valueRows.length > 0 ? (
        <section aria-labelledby="changed-values" className="card overflow-x-auto">
          <h2 id="changed-values" className="px-4 pt-4 text-lg font-semibold">
            Figures ({valueRows.length})
          </h2>
          <table className="mt-2 min-w-full divide-y divide-gray-200 text-sm">
            <thead className="bg-gray-50 text-left text-gray-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Figure
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  In the snapshot
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Now
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Change
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {valueRows.map((r) => (
                <tr key={r.metricKey} data-metric={r.metricKey}>
                  <th scope="row" className="px-4 py-2 text-left font-normal">
                    {r.label}
                  </th>
                  <td className="px-4 py-2 tabular-nums">{formatValue(r.from, r.unit, r.fromQualifier, { compact: false })}</td>
                  <td className="px-4 py-2 font-medium tabular-nums">{formatValue(r.to, r.unit, r.toQualifier, { compact: false })}</td>
                  <td className="px-4 py-2">{STATUS_TEXT[r.status as keyof typeof STATUS_TEXT]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {textChanges.length > 0 ? (
        <section aria-labelledby="changed-texts" className="card p-4">
          <h2 id="changed-texts" className="text-lg font-semibold">
            Notes and sources ({textChanges.length})
          </h2>
          <ul className="mt-2 space-y-2 text-sm">
            {textChanges.map((c) => (
              <li key={c.metricKey}>
                <span className="font-medium">{c.label}</span>
                {c.note ? (
                  <p className="break-words">
                    Note: <del className="text-gray-500">{c.then?.note ?? "none"}</del> → {c.now.note ?? "none"}
                  </p>
                ) : null}
                {c.source ? (
                  <p className="break-words">
                    Source: <del className="text-gray-500">{c.then?.source ?? "none"}</del> → {c.now.source ?? "none"}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {quotes.added.length + quotes.removed.length + quotes.changed.length > 0 ? (
        <section aria-labelledby="changed-quotes" className="card p-4">
          <h2 id="changed-quotes" className="text-lg font-semibold">
            Quotes
          </h2>
          <ul className="mt-2 space-y-3 text-sm">
            {quotes.added.map((q) => (
              <li key={`a${q.id}`}>
                <span className="font-medium text-green-800">Added:</span> {q.speaker} — “{q.text}”
              </li>
            ))}
            {quotes.removed.map((q) => (
              <li key={`r${q.id}`}>
                <span className="font-medium text-red-800">Removed:</span> {q.speaker} — “{q.text}”
              </li>
            ))}
            {quotes.changed.map((c) => (
              <li key={`c${c.to.id}`}>
                <span className="font-medium">Changed:</span> {c.speaker} —{" "}
                {c.diff.map((part, i) =>
                  part.added ? (
                    <ins key={i} className="bg-green-100 no-underline">
                      {part.value}
                    </ins>
                  ) : part.removed ? (
                    <del key={i} className="bg-red-100">
                      {part.value}
                    </del>
                  ) : (
                    <span key={i}>{part.value}</span>
                  ),
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
