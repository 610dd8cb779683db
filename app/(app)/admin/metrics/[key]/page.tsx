import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { findMetric, listMetricValueYears, listSections } from "@/db/queries/catalog";
import { ArchiveMetricButton } from "@/components/admin/archive-metric-button";
import { MetricBreaks } from "@/components/admin/metric-breaks";
import { MetricForm } from "@/components/admin/metric-form";
import { requirePermission } from "@/server/auth/page-access";
import { listBreaksOfMetric } from "@/db/queries/breaks";
import { requirePageActor } from "@/server/auth/page-guard";
import { metricKeyParam } from "@/lib/validation/params";

type Props = { params: Promise<{ key: string }>; searchParams: Promise<{ created?: string }> };

export const metadata: Metadata = { title: "Edit metric" };

export default async function EditMetricPage({ params, searchParams }: Props) {
  const { key: rawKey } = await params;
  const actor = await requirePageActor(`/admin/metrics/${rawKey}`);
  requirePermission(actor, "metrics:manage");
  const key = metricKeyParam.safeParse(rawKey);
  if (!key.success) notFound();
  const db = await getDb();
  const [metric, sections, valueYears, breaks] = await Promise.all([
    findMetric(db, key.data),
    listSections(db),
    listMetricValueYears(db, key.data),
    listBreaksOfMetric(db, key.data),
  ]);
  if (!metric) notFound();
  const years = valueYears.get(metric.key) ?? [];
  const { created } = await searchParams;

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/admin/metrics" className="text-sm text-blue-700 hover:underline">
        ← All metrics
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{metric.label}</h1>
          <p className="mt-1 text-sm text-gray-600">
            <span className="font-mono">{metric.key}</span> · {years.length === 0 ? "no values yet" : `values in ${years.join(", ")}`}
            {metric.archived ? " · archived" : ""}
          </p>
        </div>
        <ArchiveMetricButton metricKey={metric.key} archived={metric.archived} />
      </div>
      {created ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
          Metric created. It appears in every open year from now on; edit it below if needed.
        </p>
      ) : null}
      <MetricForm sections={sections} metric={metric} valueYears={years} />
      <MetricBreaks metricKey={metric.key} breaks={breaks} />
    </div>
  );
}
