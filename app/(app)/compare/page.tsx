import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listSections } from "@/db/queries/catalog";
import { readComparison } from "@/db/queries/compare";
import { listYears } from "@/db/queries/years";
import { CompareTable } from "@/components/compare/compare-table";
import { QuoteChanges } from "@/components/compare/quote-changes";
import { defaultDashboardYear } from "@/lib/dashboard/series";
import { yearParam } from "@/lib/validation/params";
import { YearSelect } from "@/components/compare/year-select";

export const metadata: Metadata = { title: "Compare years" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const db = await getDb();
  const [years, sections] = await Promise.all([listYears(db), listSections(db)]);
  const known = years.map((y) => y.year);

  // Defaults: the dashboard's year, and the reporting year before it.
  const defaultTo = defaultDashboardYear(years) ?? known[0] ?? null;
  const defaultFrom = defaultTo === null ? null : (known.filter((y) => y < defaultTo).sort((a, b) => b - a)[0] ?? defaultTo);
  const pick = (raw: string | undefined, fallback: number | null) => {
    if (raw === undefined || raw === "") return { year: fallback, error: null };
    const parsed = yearParam.safeParse(raw);
    if (!parsed.success) return { year: null, error: `“${raw}” is not a year` };
    if (!known.includes(parsed.data)) return { year: null, error: `There is no reporting year ${parsed.data}` };
    return { year: parsed.data, error: null };
  };
  const from = pick(first(params.from), defaultFrom);
  const to = pick(first(params.to), defaultTo);
  const errors = [from.error, to.error].filter((e): e is string => e !== null);
  const result = from.year !== null && to.year !== null ? await readComparison(db, from.year, to.year) : null;
  const comparison = result?.comparison ?? null;
  const titles = new Map(sections.map((s) => [s.key, s.title]));

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{comparison ? `Compare ${comparison.from} with ${comparison.to}` : "Compare two years"}</h1>
          <p className="mt-1 text-sm text-gray-700">Every figure of two reporting years side by side, and how the quotes changed.</p>
        </div>
        <form method="get" action="/compare" className="flex flex-wrap items-end gap-3">
          <YearSelect form="compare" name="from" label="From" years={known} value={from.year} />
          <YearSelect form="compare" name="to" label="To" years={known} value={to.year} />
          <button type="submit" className="btn-primary">
            Compare
          </button>
        </form>
      </div>

      {errors.length > 0 ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {errors.join(". ")}. Pick two years from the lists.
        </div>
      ) : null}

      {comparison ? (
        <>
          <section aria-labelledby="figures-heading" className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id="figures-heading" className="text-lg font-semibold">
                Figures
              </h2>
              <div className="flex flex-wrap gap-2">
                <Link href={`/compare/brief?from=${comparison.from}&to=${comparison.to}`} className="btn-secondary">
                  Brief of changes
                </Link>
                <a href={`/api/v1/compare?from=${comparison.from}&to=${comparison.to}&format=csv`} download className="btn-secondary">
                  Download CSV
                </a>
              </div>
            </div>
            <CompareTable rows={comparison.rows} from={comparison.from} to={comparison.to} sections={sections} />
          </section>
          <section aria-labelledby="quotes-heading" className="space-y-3">
            <h2 id="quotes-heading" className="text-lg font-semibold">
              Quotes
            </h2>
            <QuoteChanges quotes={comparison.quotes} from={comparison.from} to={comparison.to} titles={titles} />
          </section>
        </>
      ) : errors.length === 0 ? (
        <p className="text-gray-700">No reporting year has been opened yet.</p>
      ) : null}
    </div>
  );
}
