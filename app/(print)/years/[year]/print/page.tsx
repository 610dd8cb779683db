import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listYearBlocks } from "@/db/queries/blocks";
import { findYear, listYearQuotes, listYearSections, listYearValues } from "@/db/queries/years";
import { PrintedBlocks } from "@/components/text/printed-blocks";
import { PrintButton } from "@/components/years/print-button";
import { describeSource } from "@/lib/chapter/sources";
import { printFigure } from "@/lib/numbers/printed";
import { yearParam } from "@/lib/validation/params";

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).year} fact sheet` };
}

/**
 * The year laid out like the report's figure boxes: per section, large figures as the report
 * words them, then the section's quotes; sources are numbered footnotes at the end (the
 * same source text keeps one number). Each section starts a new printed page.
 */
export default async function PrintPage({ params }: Props) {
  const parsed = yearParam.safeParse((await params).year);
  if (!parsed.success) notFound();
  const year = parsed.data;
  const db = await getDb();
  const [reportingYear, sections, values, quotes, blocks] = await Promise.all([
    findYear(db, year),
    listYearSections(db, year),
    listYearValues(db, year),
    listYearQuotes(db, year),
    listYearBlocks(db, year),
  ]);
  if (!reportingYear) notFound();

  const footnotes: string[] = [];
  const footnoteOf = (source: string | null) => {
    if (!source) return null;
    let at = footnotes.indexOf(source);
    if (at === -1) at = footnotes.push(source) - 1;
    return at + 1;
  };
  const filled = sections
    .map((section) => ({
      section,
      blocks: blocks.filter((b) => b.section === section.key),
      figures: values.filter((v) => v.section === section.key && v.value !== null).map((v) => ({ ...v, footnote: footnoteOf(describeSource(v)) })),
      quotes: quotes.filter((q) => q.section === section.key),
    }))
    .filter((s) => s.blocks.length > 0 || s.figures.length > 0 || s.quotes.length > 0);
  const missing = values.filter((v) => v.value === null);

  return (
    <article className="text-gray-900">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/years/${year}`} className="text-sm text-blue-700 underline-offset-2 hover:underline">
          ← Back to {year}
        </Link>
        <PrintButton />
      </div>
      <header className="border-b-4 border-blue-800 pb-4">
        <p className="text-sm font-semibold uppercase tracking-widest text-blue-800">Fostering peace and security</p>
        <h1 className="mt-1 text-4xl font-bold tracking-tight">{year} in figures</h1>
        {reportingYear.status !== "locked" ? (
          <div role="note" className="mt-2 text-sm text-amber-900">
            <p>
              <strong>Draft</strong>: {year} is not signed off yet and its text and figures may change.
              {missing.length > 0 ? ` ${missing.length} figure${missing.length === 1 ? " has" : "s have"} no value yet:` : ""}
            </p>
            {missing.length > 0 ? (
              <ul className="mt-1 list-disc pl-6" aria-label={`Figures of ${year} without a value`}>
                {missing.map((v) => (
                  <li key={v.metricKey}>{v.label}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </header>

      {filled.length === 0 ? <p className="mt-8 text-gray-700">No figures or quotes for {year} yet.</p> : null}

      {filled.map(({ section, blocks: sectionBlocks, figures, quotes: sectionQuotes }, index) => (
        <section key={section.key} aria-labelledby={`print-${section.key}`} className={`mt-10 ${index > 0 ? "print:break-before-page" : ""} print:mt-6`}>
          <h2 id={`print-${section.key}`} className="border-b border-gray-300 pb-1 text-2xl font-semibold text-blue-900">
            {section.title}
          </h2>
          <PrintedBlocks blocks={sectionBlocks} />
          {figures.length > 0 ? (
            <dl className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3">
              {figures.map((f) => (
                // The label comes first for screen readers (dt before dd); the figure shows on top.
                <div key={f.metricKey} className="flex break-inside-avoid flex-col rounded-md bg-blue-50 p-4 print:border print:border-blue-200">
                  <dt className="order-2 mt-1 text-sm text-gray-800">{f.label}</dt>
                  <dd className="order-1 text-3xl font-bold leading-tight text-blue-900 tabular-nums">
                    {printFigure(f)}
                    {f.footnote ? (
                      <sup className="ml-0.5 text-sm font-normal text-gray-600">
                        <a href={`#source-${f.footnote}`} aria-label={`Source ${f.footnote}`}>
                          {f.footnote}
                        </a>
                      </sup>
                    ) : null}
                  </dd>
                  {f.note ? <dd className="order-3 mt-1 text-xs text-gray-600">{f.note}</dd> : null}
                </div>
              ))}
            </dl>
          ) : null}
          {sectionQuotes.map((q) => (
            <figure key={q.id} className="mt-6 break-inside-avoid border-l-4 border-blue-800 pl-4">
              <blockquote className="whitespace-pre-line text-lg italic">“{q.text}”</blockquote>
              <figcaption className="mt-2 text-sm">
                — <span className="font-semibold">{q.speaker}</span>, {q.title}
              </figcaption>
            </figure>
          ))}
        </section>
      ))}

      {footnotes.length > 0 ? (
        <section aria-labelledby="print-sources" className="mt-12 border-t border-gray-300 pt-4 print:break-before-page">
          <h2 id="print-sources" className="text-lg font-semibold">
            Sources
          </h2>
          <ol className="mt-2 list-decimal space-y-1 pl-6 text-xs text-gray-700">
            {footnotes.map((source, i) => (
              <li key={i} id={`source-${i + 1}`} className="break-words">
                {source}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
