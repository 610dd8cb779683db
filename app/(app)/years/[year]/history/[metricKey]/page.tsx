import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listValueHistory } from "@/db/queries/history";
import { findYearDetail, findYearMetric } from "@/db/queries/years";
import { RevisionList } from "@/components/years/revision-list";
import { HISTORY_PAGE_SIZE, historyPage } from "@/lib/history/page";
import { historyQuery } from "@/lib/validation/history";
import { yearMetricParams } from "@/lib/validation/params";

type Props = { params: Promise<{ year: string; metricKey: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { year, metricKey } = await params;
  return { title: `History of ${metricKey}, ${year}` };
}

/** A value's revisions as a page of its own (linkable), newest first, paged with ?before=. */
export default async function ValueHistoryPage({ params, searchParams }: Props) {
  const parsedParams = yearMetricParams.safeParse(await params);
  if (!parsedParams.success) notFound();
  const { year, metricKey } = parsedParams.data;
  const query = historyQuery.pick({ before: true }).safeParse(await searchParams);
  const before = query.success ? query.data.before : undefined;
  const db = await getDb();
  const [reportingYear, metric, history] = await Promise.all([
    findYearDetail(db, year),
    findYearMetric(db, year, metricKey),
    listValueHistory(db, year, metricKey, { before, limit: HISTORY_PAGE_SIZE + 1 }),
  ]);
  if (!reportingYear || !metric) notFound();
  const page = historyPage(history?.revisions ?? [], HISTORY_PAGE_SIZE);

  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/years/${year}`} className="text-blue-700 underline">
          {year} figures
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">
          History: {metric.label}, {year}
        </h1>
        <p className="mt-1 text-sm text-gray-600">Every saved version, newest first. Fields that changed from the version before are marked.</p>
      </div>
      {before ? (
        <p className="text-sm">
          <Link href={`/years/${year}/history/${metricKey}`} className="text-blue-700 underline">
            Back to the newest revisions
          </Link>
        </p>
      ) : null}
      <RevisionList revisions={page.shown} older={page.older} unit={metric.unit} />
      {page.nextBefore ? (
        <Link href={`/years/${year}/history/${metricKey}?before=${page.nextBefore}`} className="btn-secondary">
          Load older
        </Link>
      ) : null}
    </div>
  );
}
