import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listMetricsCached } from "@/db/queries/catalog";
import { hasEarlierQuotes, listPreviousValues } from "@/db/queries/previous-year";
import { findYearDetail, listYearOutline, listYearQuotes, listYearSections, listYearValues, type YearValueRow } from "@/db/queries/years";
import type { Executor } from "@/db/client";
import { QuoteEditor } from "@/components/years/quote-editor";
import { QuoteList } from "@/components/years/quote-list";
import { ValueGrid } from "@/components/years/value-grid";
import { editableRows } from "@/components/years/editable-rows";
import type { PreviousFigure } from "@/components/years/value-editor-types";
import { formatUtc } from "@/lib/time/utc";
import { SectionNav } from "@/components/years/section-nav";
import { UnsavedChangesGuard } from "@/components/years/unsaved-changes";
import { YearFigures } from "@/components/years/year-figures";
import { UnlockYearButton } from "@/components/years/year-lock-controls";
import { YearStatusBadge } from "@/components/years/year-status-badge";
import { YearTransferMenu } from "@/components/years/year-transfer-menu";
import { ReviewControls } from "@/components/sign-off/review-controls-bar";
import { YearReview } from "@/components/sign-off/year-review";
import { commentsFor } from "@/components/sign-off/comment-controls";
import { loadYearReview } from "@/db/queries/year-review";
import { YearViews } from "@/components/text/year-views";
import { currentActor } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { yearParam } from "@/lib/validation/params";
import { sectionPages, type SectionPages } from "@/lib/years/section-pages";

type Props = { params: Promise<{ year: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).year} figures` };
}

export default async function YearPage({ params, searchParams }: Props) {
  const parsed = yearParam.safeParse((await params).year);
  if (!parsed.success) notFound();
  const year = parsed.data;
  const db = await getDb();
  const askedParam = (await searchParams).section;
  const asked = typeof askedParam === "string" ? askedParam : undefined;
  // A fixed number of queries, whatever the number of metrics or quotes.
  const [actor, reportingYear, sections, metrics, outline, rowsRead, previousValues, allQuotes, review, quotesBefore] = await Promise.all([
    currentActor(),
    findYearDetail(db, year),
    listYearSections(db, year),
    listMetricsCached(db),
    // Where each figure is and whether it has a value: enough to count them and pick the section shown.
    listYearOutline(db, year),
    // Alongside it, the rows most likely shown: the asked section's, or every row (a year that fits on one page).
    listYearValues(db, year, asked === undefined ? {} : { section: asked }),
    listPreviousValues(db, year),
    listYearQuotes(db, year),
    loadYearReview(db, year),
    // Only whether there are any: the copy dialog reads them when it opens (a thousand at ten times the real size).
    hasEarlierQuotes(db, year),
  ]);
  if (!reportingYear || !actor) notFound();
  // In review is still editable: reviewers read while editors correct.
  const open = reportingYear.status !== "locked";
  const editable = open && can(actor.role, "values:write");
  const filled = outline.filter((v) => v.filled).length;
  const previousByKey = new Map(previousValues.map((p) => [p.metricKey, p]));
  const pages = sectionPages(sections, outline, asked);
  const shownSections = pages.mode === "one" ? sections.filter((s) => s.key === pages.section) : sections;
  const shownValues = await rowsShown(db, year, pages, asked, rowsRead);
  // A page of one section lists that section's quotes; the year's count stays in the header.
  const quotes = pages.mode === "one" ? allQuotes.filter((q) => q.section === pages.section) : allQuotes;
  const shownSection = pages.mode === "one" ? (shownSections[0] ?? null) : null;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {year} figures <YearStatusBadge status={reportingYear.status} />
          </h1>
          <p className="mt-1 text-sm text-gray-600">
            {filled} of {outline.length} figures have a value · {allQuotes.length} quote{allQuotes.length === 1 ? "" : "s"}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <YearTransferMenu year={year} status={reportingYear.status} />
          <ReviewControls year={year} status={reportingYear.status} role={actor.role} checks={review.checks} filled={filled} total={outline.length} />
          {!open && can(actor.role, "years:unlock") ? <UnlockYearButton year={year} /> : null}
        </div>
      </div>
      <YearViews year={year} current="figures" textChecks={review.checks.filter((c) => c.kind === "text").length} />
      {!open ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Locked on {formatUtc(reportingYear.lockedAt)}
          {reportingYear.lockedBy ? ` by ${reportingYear.lockedBy}` : ""}. The figures and quotes of {year} are read-only
          {can(actor.role, "years:unlock") ? " until you unlock the year." : "; an admin can unlock the year."}
        </p>
      ) : null}
      <YearReview
        year={year}
        status={reportingYear.status}
        returnMessage={reportingYear.returnMessage}
        returnedBy={reportingYear.returnedBy}
        checks={review.checks}
        timeline={review.timeline}
        sectionOf={pages.mode === "one" ? Object.fromEntries(outline.map((v) => [v.metricKey, v.section])) : null}
      />
      {pages.mode === "one" ? <SectionNav year={year} sections={pages.sections} current={pages.section} /> : null}
      {editable ? (
        <UnsavedChangesGuard>
          <ValueGrid
            // A section of a large year is a grid of its own: its rows start from what is stored.
            key={pages.mode === "one" ? pages.section : "all"}
            year={year}
            sections={shownSections}
            rows={editableRows(shownValues, metrics, review.breakSincePrevious(previousValues))}
            previous={previousFigures(previousValues, shownValues)}
            comments={commentsFor(review.openComments, actor.role, !open)}
            checked={[...new Set(review.checks.flatMap((c) => (c.metricKey ? [c.metricKey] : [])))]}
            sectionMenu={pages.mode !== "one"}
          />
          <QuotesSection shownSection={shownSection} shown={quotes.length} total={allQuotes.length}>
            <QuoteEditor year={year} sections={sections} quotes={quotes} canCopy={quotesBefore} shownSection={shownSection?.key ?? null} />
          </QuotesSection>
        </UnsavedChangesGuard>
      ) : (
        <>
          <YearFigures
            year={year}
            sections={shownSections}
            values={shownValues}
            previous={previousByKey}
            comments={commentsFor(review.openComments, actor.role, !open)}
          />
          <QuotesSection shownSection={shownSection} shown={quotes.length} total={allQuotes.length}>
            <QuoteList quotes={quotes} sections={sections} />
          </QuotesSection>
        </>
      )}
    </div>
  );
}

/**
 * The rows the page shows. What was read alongside the outline holds them but in two rare cases,
 * read again here: a small year asked for one section (it shows every section), and a section
 * that is not there (the page shows the first one). A large year's section links always ask for
 * theirs, so only its first visit reads every row, to show the first section.
 */
async function rowsShown(db: Executor, year: number, pages: SectionPages, asked: string | undefined, read: YearValueRow[]): Promise<YearValueRow[]> {
  if (pages.mode === "all") return asked === undefined ? read : listYearValues(db, year);
  if (asked === undefined) return read.filter((v) => v.section === pages.section);
  return pages.section === asked ? read : listYearValues(db, year, { section: pages.section });
}

function QuotesSection({
  shownSection,
  shown,
  total,
  children,
}: {
  /** The section the page shows, when it shows one: its quotes are the ones listed. */
  shownSection: { title: string } | null;
  shown: number;
  total: number;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby="quotes-heading">
      <h2 id="quotes-heading" className="text-lg font-semibold">
        Quotes
      </h2>
      {shownSection ? (
        <p className="mt-1 text-sm text-gray-600" data-testid="quotes-shown">
          Under {shownSection.title}: {shown} of the year&rsquo;s {total} quote{total === 1 ? "" : "s"}; the others are listed with their sections.
        </p>
      ) : null}
      {children}
    </section>
  );
}

/** The previous figures of the rows shown (the browser gets no more than the page uses). */
function previousFigures(rows: Awaited<ReturnType<typeof listPreviousValues>>, shown: { metricKey: string }[]): Record<string, PreviousFigure> {
  const keys = new Set(shown.map((v) => v.metricKey));
  return Object.fromEntries(rows.filter((p) => keys.has(p.metricKey)).map((p) => [p.metricKey, { year: p.year, value: p.value, qualifier: p.qualifier }]));
}
