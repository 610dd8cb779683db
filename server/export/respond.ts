import "server-only";
import type { Executor } from "@/db/client";
import { loadAllYearsExport, loadYearExport, snapshotExport } from "@/db/queries/export";
import { findSnapshot } from "@/db/queries/snapshots";
import { readYearContent } from "@/db/queries/year-content";
import { findYear } from "@/db/queries/years";
import type { Actor } from "@/lib/auth/actor";
import { valuesToCsv } from "@/lib/csv/values-csv";
import { notFound } from "@/lib/errors";
import { parseSnapshotContent } from "@/lib/snapshot/content";
import { listSections } from "@/db/queries/catalog";
import { CHAPTER_TITLE } from "@/lib/chapter/title";
import { buildChapterDocx } from "@/lib/export/docx";
import { buildExportJson } from "@/lib/export/json";
import { downloadResponse, exportFilename, toExportRows, type ExportFormat, type ExportMeta } from "@/lib/export/model";
import { buildAllYearsWorkbook, buildYearWorkbook } from "@/lib/export/xlsx";

const metaFor = (actor: Actor): ExportMeta => ({ exportedAt: new Date(), exportedBy: actor.name });

/** The download of a year's live figures and quotes. */
export async function yearDownload(db: Executor, year: number, format: ExportFormat, actor: Actor, opts: { provenance?: boolean } = {}): Promise<Response> {
  const data = await loadYearExport(db, year);
  if (!data) throw notFound(`The year ${year}`);
  const filename = exportFilename(year, format);
  const meta = metaFor(actor);
  switch (format) {
    case "csv":
      return downloadResponse(valuesToCsv(toExportRows(data), opts), format, filename);
    case "xlsx":
      return downloadResponse(await buildYearWorkbook(data, meta), format, filename);
    case "json": {
      const content = await readYearContent(db, year);
      const body = buildExportJson({ content, status: data.status, latestSnapshot: data.snapshot, fromSnapshot: null }, meta);
      return downloadResponse(JSON.stringify(body, null, 2), format, filename);
    }
    case "docx":
      return downloadResponse(
        await buildChapterDocx({ content: await readYearContent(db, year), status: data.status, sections: data.sections, title: CHAPTER_TITLE }),
        format,
        filename,
      );
  }
}

/** The download of a snapshot, built from its frozen content only (no live data). */
export async function snapshotDownload(db: Executor, id: number, format: ExportFormat, actor: Actor, opts: { provenance?: boolean } = {}): Promise<Response> {
  const snapshot = await findSnapshot(db, id);
  if (!snapshot) throw notFound(`Snapshot ${id}`);
  const content = parseSnapshotContent(snapshot.content);
  const status = (await findYear(db, snapshot.year))?.status ?? "open";
  const data = await snapshotExport(db, content, status, snapshot);
  const filename = exportFilename(snapshot.year, format, id);
  const meta = metaFor(actor);
  switch (format) {
    case "csv":
      return downloadResponse(valuesToCsv(toExportRows(data), opts), format, filename);
    case "xlsx":
      return downloadResponse(await buildYearWorkbook(data, meta), format, filename);
    case "json": {
      const body = buildExportJson({ content, status, latestSnapshot: null, fromSnapshot: data.snapshot }, meta);
      return downloadResponse(JSON.stringify(body, null, 2), format, filename);
    }
    case "docx": {
      const sections = (await listSections(db)).map((s) => ({ key: s.key, title: s.title }));
      return downloadResponse(await buildChapterDocx({ content, status, sections, title: CHAPTER_TITLE }), format, filename);
    }
  }
}

/** Every year for analysts: CSV in long format (the same columns), or a workbook with a sheet per year. */
export async function allYearsDownload(db: Executor, format: "csv" | "xlsx", actor: Actor): Promise<Response> {
  const years = await loadAllYearsExport(db);
  const filename = exportFilename("all-years", format);
  if (format === "csv") return downloadResponse(valuesToCsv(years.flatMap(toExportRows)), format, filename);
  return downloadResponse(await buildAllYearsWorkbook(years, metaFor(actor)), format, filename);
}
