import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listSections } from "@/db/queries/catalog";
import { findYear, listYearQuotes, listYearValues } from "@/db/queries/years";
import { YearFigures } from "@/components/years/year-figures";
import { QuoteList } from "@/components/years/quote-list";
import { YearStatusBadge } from "@/components/years/year-status-badge";
import { YearTransferMenu } from "@/components/years/year-transfer-menu";
import { yearParam } from "@/lib/validation/params";

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).year} figures` };
}

export default async function YearPage({ params }: Props) {
  const parsed = yearParam.safeParse((await params).year);
  if (!parsed.success) notFound();
  const year = parsed.data;
  const db = await getDb();
  const [reportingYear, sections, values, quotes] = await Promise.all([
    findYear(db, year),
    listSections(db),
    listYearValues(db, year),
    listYearQuotes(db, year),
  ]);
  if (!reportingYear) notFound();
  const filled = values.filter((v) => v.value !== null).length;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {year} figures <YearStatusBadge status={reportingYear.status} />
          </h1>
          <p className="mt-1 text-sm text-gray-600">
            {filled} of {values.length} figures have a value · {quotes.length} quote{quotes.length === 1 ? "" : "s"}
          </p>
        </div>
        <YearTransferMenu year={year} status={reportingYear.status} />
      </div>
      <YearFigures sections={sections} values={values} />
      <section aria-labelledby="quotes-heading">
        <h2 id="quotes-heading" className="text-lg font-semibold">
          Quotes
        </h2>
        <QuoteList quotes={quotes} sections={sections} />
      </section>
    </div>
  );
}
