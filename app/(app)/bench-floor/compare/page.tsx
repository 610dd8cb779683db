import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listSections } from "@/db/queries/catalog";
import { readComparison } from "@/db/queries/compare";
import { CompareTable } from "@/components/compare/compare-table";
import { QuoteChanges } from "@/components/compare/quote-changes";
import { benchFloorEnabled } from "@/lib/env";
import { yearParam } from "@/lib/validation/params";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * A floor for `npm run bench`: the comparison of two years as /compare shows it (every figure side
 * by side and the quotes' changes), drawn by the same table in a signed-in page of the app with
 * nothing else (the app's layout and its session check, but no year pickers). Set beside the compare page and the compare
 * API (docs/decisions/040-the-floors-measured-in-the-run.md). Only when the benchmark's server sets
 * BENCH_FLOOR=1, and only for two years that are there; anywhere else it is not found.
 */
export default async function BenchFloorComparePage({ searchParams }: { searchParams: SearchParams }) {
  if (!benchFloorEnabled()) notFound();
  const params = await searchParams;
  const from = yearParam.safeParse(params.from);
  const to = yearParam.safeParse(params.to);
  if (!from.success || !to.success) notFound();
  const db = await getDb();
  const [{ comparison }, sections] = await Promise.all([readComparison(db, from.data, to.data), listSections(db)]);
  if (!comparison) notFound();
  return (
    <main className="space-y-8 p-6">
      <CompareTable rows={comparison.rows} from={comparison.from} to={comparison.to} sections={sections} />
      <QuoteChanges quotes={comparison.quotes} from={comparison.from} to={comparison.to} titles={new Map(sections.map((s) => [s.key, s.title]))} />
    </main>
  );
}
