import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listSnapshots } from "@/db/queries/snapshots";
import { findYearDetail } from "@/db/queries/years";
import { SnapshotDownloads } from "@/components/years/snapshot-downloads";
import { TakeSnapshotForm } from "@/components/years/take-snapshot-form";
import { YearStatusBadge } from "@/components/years/year-status-badge";
import { currentActor } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatUtc } from "@/lib/time/utc";
import { yearParam } from "@/lib/validation/params";
import { snapshotListQuery } from "@/lib/validation/snapshot";

type Props = { params: Promise<{ year: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).year} snapshots` };
}

export default async function SnapshotsPage({ params, searchParams }: Props) {
  const parsed = yearParam.safeParse((await params).year);
  if (!parsed.success) notFound();
  const year = parsed.data;
  const query = snapshotListQuery.safeParse(await searchParams);
  const before = query.success ? query.data.before : undefined;
  const db = await getDb();
  const [reportingYear, page, actor] = await Promise.all([findYearDetail(db, year), listSnapshots(db, year, { limit: 20, before }), currentActor()]);
  if (!reportingYear) notFound();

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/years/${year}`} className="text-blue-700 underline-offset-2 hover:underline">
            ← {year} figures
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">
          Snapshots of {year} <YearStatusBadge status={reportingYear.status} />
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-gray-600">
          A snapshot freezes the year&apos;s figures and quotes with a sha256 fingerprint and never changes. Locking a year takes one automatically. Downloads
          are built from the snapshot itself, not from today&apos;s figures.
        </p>
      </div>
      {actor && can(actor.role, "snapshots:create") ? <TakeSnapshotForm year={year} /> : null}
      {page.snapshots.length === 0 ? (
        <p className="card p-4 text-gray-700">{before ? "No older snapshots." : `No snapshots of ${year} yet.`}</p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="min-w-full divide-y divide-gray-200 text-sm">
            <caption className="sr-only">Snapshots of {year}, newest first</caption>
            <thead className="bg-gray-50 text-left text-gray-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Snapshot
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Taken
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  By
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Reason
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  sha256
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Download
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {page.snapshots.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="px-4 py-2 text-left font-medium">
                    <Link href={`/years/${year}/snapshots/${s.id}`} className="text-blue-700 underline-offset-2 hover:underline">
                      #{s.id} · changes since
                    </Link>
                  </th>
                  <td className="whitespace-nowrap px-4 py-2 tabular-nums">{formatUtc(s.createdAt)}</td>
                  <td className="px-4 py-2">{s.createdBy ?? "—"}</td>
                  <td className="px-4 py-2">{s.reason ?? "—"}</td>
                  <td className="px-4 py-2 font-mono text-xs" title={s.sha256}>
                    {s.sha256.slice(0, 12)}…
                  </td>
                  <td className="px-4 py-2">
                    <SnapshotDownloads id={s.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {before || page.nextBefore ? (
        <nav aria-label="Snapshot pages" className="flex gap-3 text-sm">
          {before ? (
            <Link className="btn-secondary" href={`/years/${year}/snapshots`}>
              Newest
            </Link>
          ) : null}
          {page.nextBefore ? (
            <Link className="btn-secondary" href={`/years/${year}/snapshots?before=${page.nextBefore}`}>
              Older snapshots
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
