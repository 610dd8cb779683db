import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listSections } from "@/db/queries/catalog";
import { MetricForm } from "@/components/admin/metric-form";
import { requirePermission } from "@/server/auth/page-access";
import { requirePageActor } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "New metric" };

export default async function NewMetricPage() {
  const actor = await requirePageActor("/admin/metrics/new");
  requirePermission(actor, "metrics:manage");
  const sections = await listSections(await getDb());
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/admin/metrics" className="text-sm text-blue-700 hover:underline">
        ← All metrics
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">New metric</h1>
      <MetricForm sections={sections} />
    </div>
  );
}
