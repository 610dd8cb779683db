import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listYearBlocks } from "@/db/queries/blocks";
import { listSections } from "@/db/queries/catalog";
import { listTextChecks } from "@/db/queries/text-checks";
import { listYearFiguresCached } from "@/db/queries/year-figures";
import { listYearWrittenNumbers } from "@/db/queries/written-numbers";
import { findYearDetail, listYearQuotes } from "@/db/queries/years";
import { SectionQuotes } from "@/components/text/section-quotes";
import { SectionText } from "@/components/text/section-text";
import { YearViews } from "@/components/text/year-views";
import { YearStatusBadge } from "@/components/years/year-status-badge";
import { currentActor } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { printFigure } from "@/lib/numbers/printed";
import { yearParam } from "@/lib/validation/params";

type Props = { params: Promise<{ year: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).year} text` };
}

/** The chapter's text of a year, one section at a time, beside its figures. A fixed number of queries. */
export default async function YearTextPage({ params, searchParams }: Props) {
  const parsed = yearParam.safeParse((await params).year);
  if (!parsed.success) notFound();
  const year = parsed.data;
  const db = await getDb();
  const [actor, reportingYear, sections, blocks, figures, checks, quotes, numbers] = await Promise.all([
    currentActor(),
    findYearDetail(db, year),
    listSections(db),
    listYearBlocks(db, year),
    listYearFiguresCached(db, year),
    listTextChecks(db, year),
    listYearQuotes(db, year),
    listYearWrittenNumbers(db, year),
  ]);
  if (!reportingYear || !actor) notFound();
  const editable = reportingYear.status === "open" && can(actor.role, "values:write");
  const asked = (await searchParams).section;
  const section = sections.find((s) => s.key === asked) ?? sections.find((s) => blocks.some((b) => b.section === s.key)) ?? sections[0];
  if (!section) notFound();
  const shown = blocks.filter((b) => b.section === section.key);
  const choices = figures.map((f) => ({ key: f.metricKey, label: f.label, printed: printFigure(f) }));
  const countOf = (key: string) => blocks.filter((b) => b.section === key).length;
  const sectionsWritten = sections.filter((s) => countOf(s.key) > 0).length;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">
          {year} text <YearStatusBadge status={reportingYear.status} />
        </h1>
        <p className="mt-1 text-sm text-gray-600">
          {blocks.length} block{blocks.length === 1 ? "" : "s"} in {sectionsWritten} section{sectionsWritten === 1 ? "" : "s"} · live figures show {year}&apos;s
          values as printed
        </p>
      </div>
      <YearViews year={year} current="text" textChecks={checks.length} />
      {checks.length > 0 ? (
        <section aria-labelledby="text-checks-heading" className="rounded-md border border-red-300 bg-red-50 p-4">
          <h2 id="text-checks-heading" className="text-sm font-semibold text-red-900">
            {checks.length} written number{checks.length === 1 ? " no longer states its figure" : "s no longer state their figures"}
          </h2>
          <ul className="mt-2 space-y-1 text-sm text-red-900">
            {checks.map((c, i) => {
              const where = c.blockId !== undefined ? blocks.find((b) => b.id === c.blockId)?.section : undefined;
              return (
                <li key={`${c.blockId ?? "q"}-${c.quoteId ?? ""}-${i}`}>
                  {c.message}
                  {where ? (
                    <>
                      {" "}
                      <Link className="link" href={`/years/${year}/text?section=${where}#block-${c.blockId}`}>
                        Go to the text
                      </Link>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <nav aria-label="Sections of the chapter" className="card p-3">
        <ul className="flex flex-wrap gap-2">
          {sections.map((s) => {
            const here = s.key === section.key;
            return (
              <li key={s.key}>
                <Link
                  href={`/years/${year}/text?section=${s.key}`}
                  aria-current={here ? "page" : undefined}
                  className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm ${here ? "border-blue-700 bg-blue-700 text-white" : "border-gray-300 bg-white text-gray-800 hover:bg-gray-50"}`}
                >
                  {s.title}
                  <span className={`tabular-nums text-xs ${here ? "text-blue-100" : "text-gray-600"}`}>{countOf(s.key)}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <SectionText
        year={year}
        section={{ key: section.key, title: section.title }}
        blocks={shown.map((b) => ({
          id: b.id,
          kind: b.kind,
          text: b.text,
          attributes: b.attributes,
          version: b.version,
          position: b.position,
          rendered: b.rendered,
          numbers: b.numbers,
        }))}
        figures={choices}
        editable={editable}
      />
      <SectionQuotes
        quotes={quotes
          .filter((q) => q.section === section.key)
          .map((q) => ({ id: q.id, speaker: q.speaker, text: q.text, numbers: numbers.filter((n) => n.quoteId === q.id) }))}
        figures={choices}
        editable={editable}
      />
    </div>
  );
}
