import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listMetricsCached } from "@/db/queries/catalog";
import { listYearOutline, listYearSections, listYearValues } from "@/db/queries/years";
import { editableRows } from "@/components/years/editable-rows";
import { UnsavedChangesGuard } from "@/components/years/unsaved-changes";
import { ValueGrid } from "@/components/years/value-grid";
import { benchFloorEnabled } from "@/lib/env";
import { yearParam } from "@/lib/validation/params";
import { sectionPages } from "@/lib/years/section-pages";

export const dynamic = "force-dynamic";

const NO_COMMENTS = { openCounts: {}, canComment: false, canResolve: false };

/**
 * A floor for `npm run bench`: the figures the year page shows, drawn by the same entry grid in a
 * signed-in page of the app with nothing else (the app's layout and its session check, but no
 * review, checks, quotes or previous figures) and read in four queries. It is what any page of the
 * app showing these rows costs, to set beside the year page and the values API (docs/decisions/040-the-floors-measured-in-the-run.md). Only when the
 * benchmark's server sets BENCH_FLOOR=1; anywhere else it is not found.
 */
export default async function BenchFloorYearPage({ params }: { params: Promise<{ year: string }> }) {
  if (!benchFloorEnabled()) notFound();
  const parsed = yearParam.safeParse((await params).year);
  if (!parsed.success) notFound();
  const year = parsed.data;
  const db = await getDb();
  const [sections, metrics, outline, values] = await Promise.all([
    listYearSections(db, year),
    listMetricsCached(db),
    listYearOutline(db, year),
    listYearValues(db, year),
  ]);
  // The same rows as /years/{year} without ?section: a year past one page shows its first section.
  const pages = sectionPages(sections, outline, undefined);
  const shownSections = pages.mode === "one" ? sections.filter((s) => s.key === pages.section) : sections;
  const shown = pages.mode === "one" ? values.filter((v) => v.section === pages.section) : values;
  return (
    <main className="p-6">
      <UnsavedChangesGuard>
        <ValueGrid
          year={year}
          sections={shownSections}
          rows={editableRows(shown, metrics, new Set())}
          previous={{}}
          comments={NO_COMMENTS}
          checked={[]}
          sectionMenu={pages.mode !== "one"}
        />
      </UnsavedChangesGuard>
    </main>
  );
}
