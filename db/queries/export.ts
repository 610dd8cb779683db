import "server-only";
import type { ExportYear } from "@/lib/export/model";
import { inReportOrder } from "@/lib/export/model";
import type { YearContentData } from "@/lib/snapshot/content";
import type { Executor } from "../client";
import { readTogether } from "../read-together";
import { listMetrics, listSections } from "./catalog";
import { latestSnapshot, type SnapshotSummary } from "./snapshots";
import { findYear, listYearQuotes, listYearSections, listYearValues, listYears } from "./years";

const snapshotRef = (s: SnapshotSummary | null) => (s ? { id: s.id, sha256: s.sha256, createdAt: s.createdAt } : null);

/** A year's live figures and quotes for a download, or null when the year does not exist. */
export async function loadYearExport(db: Executor, year: number): Promise<ExportYear | null> {
  const reportingYear = await findYear(db, year);
  if (!reportingYear) return null;
  const [sections, values, quotes, snapshot] = await readTogether(db, [
    () => listYearSections(db, year),
    () => listYearValues(db, year),
    () => listYearQuotes(db, year),
    () => latestSnapshot(db, year),
  ]);
  return {
    year,
    status: reportingYear.status,
    sections: sections.map((s) => ({ key: s.key, title: s.title })),
    // The year's rows as read: the writers pick the columns they print.
    values,
    quotes,
    snapshot: snapshotRef(snapshot),
    fromSnapshot: false,
  };
}

/** Every year, newest first. Years are few (one per report), so one read per year is fine. */
export async function loadAllYearsExport(db: Executor): Promise<ExportYear[]> {
  const years = await listYears(db);
  const loaded: ExportYear[] = [];
  for (const y of years) {
    const one = await loadYearExport(db, y.year);
    if (one) loaded.push(one);
  }
  return loaded;
}

/** A snapshot's frozen content shaped for the same writers, in today's report order. */
export async function snapshotExport(db: Executor, content: YearContentData, status: ExportYear["status"], snapshot: SnapshotSummary): Promise<ExportYear> {
  const [sections, metrics] = await readTogether(db, [() => listSections(db), () => listMetrics(db)]);
  return {
    year: content.year,
    status,
    sections: sections.map((s) => ({ key: s.key, title: s.title })),
    values: inReportOrder(
      content.values,
      metrics.map((m) => m.key),
    ).map((v) => ({ ...v, updatedAt: null, updatedBy: null })),
    quotes: content.quotes,
    snapshot: snapshotRef(snapshot),
    fromSnapshot: true,
  };
}
