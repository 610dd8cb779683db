import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { loadBrief } from "@/db/queries/brief";
import { listYears } from "@/db/queries/years";
import { BriefView } from "@/components/brief/brief-view";
import { defaultDashboardYear } from "@/lib/dashboard/series";
import { yearParam } from "@/lib/validation/params";
import { YearSelect } from "@/components/compare/year-select";

export const metadata: Metadata = { title: "Changes since the last edition" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function BriefPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const db = await getDb();
  const years = await listYears(db);
  const known = years.map((y) => y.year);
  // As on /compare: the dashboard's year against the reporting year before it.
  const defaultTo = defaultDashboardYear(years) ?? known[0] ?? null;
  const defaultFrom = defaultTo === null ? null : (known.filter((y) => y < defaultTo).sort((a, b) => b - a)[0] ?? defaultTo);
  const pick = (raw: string | undefined, fallback: number | null) => {
    const parsed = raw ? yearParam.safeParse(raw) : null;
    return parsed?.success && known.includes(parsed.data) ? parsed.data : raw ? null : fallback;
  };
  const from = pick(first(params.from), defaultFrom);
  const to = pick(first(params.to), defaultTo);
  const brief = from !== null && to !== null ? (await loadBrief(db, from, to)).brief : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{brief ? brief.title : "Changes since the last edition"}</h1>
          <p className="mt-1 text-sm text-gray-700">The memo to circulate before sign-off: what changed between two editions, and what is still unresolved.</p>
        </div>
        <form method="get" action="/compare/brief" className="flex flex-wrap items-end gap-3">
          <YearSelect form="brief" name="from" label="Last edition" years={known} value={from} />
          <YearSelect form="brief" name="to" label="This edition" years={known} value={to} />
          <button type="submit" className="btn-primary">
            Show changes
          </button>
        </form>
      </div>
      {brief && from !== null && to !== null ? (
        <>
          <div className="flex flex-wrap gap-2">
            <a href={`/api/v1/compare/brief?from=${from}&to=${to}&format=docx`} download className="btn-secondary">
              Download Word
            </a>
            <a href={`/api/v1/compare/brief?from=${from}&to=${to}&format=md`} download className="btn-secondary">
              Download Markdown
            </a>
            <Link href={`/compare?from=${from}&to=${to}`} className="btn-secondary">
              Compare side by side
            </Link>
          </div>
          <BriefView brief={brief} />
        </>
      ) : (
        <p role={known.length > 0 ? "alert" : undefined} className="text-gray-700">
          {known.length === 0 ? "No reporting year has been opened yet." : "Pick two reporting years from the lists."}
        </p>
      )}
    </div>
  );
}
