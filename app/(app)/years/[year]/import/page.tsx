import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { findYearDetail } from "@/db/queries/years";
import { ImportForm } from "@/components/years/import-form";
import { currentActor } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { yearParam } from "@/lib/validation/params";

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Import into ${(await params).year}` };
}

export default async function ImportPage({ params }: Props) {
  const parsed = yearParam.safeParse((await params).year);
  if (!parsed.success) notFound();
  const year = parsed.data;
  const [reportingYear, actor] = await Promise.all([findYearDetail(await getDb(), year), currentActor()]);
  if (!reportingYear) notFound();

  let blocked: string | null = null;
  if (!actor || !can(actor.role, "values:write")) blocked = "Your role may read and export figures but not import them. Ask an editor.";
  else if (reportingYear.status === "locked") blocked = `${year} is locked: an admin must unlock it before anything can be imported.`;

  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/years/${year}`} className="text-blue-700 underline-offset-2 hover:underline">
            ← {year} figures
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Import figures into {year}</h1>
        <p className="mt-1 text-sm text-gray-600">
          Check a file first: you see every change, old → new, or every problem by row and column. Applying writes all rows or none.
        </p>
      </div>
      {blocked ? (
        <p role="alert" className="card p-4 text-gray-800">
          {blocked}
        </p>
      ) : (
        <ImportForm year={year} />
      )}
    </div>
  );
}
