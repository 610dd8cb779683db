import "server-only";
import { createSnapshot } from "@/db/commands/snapshots";
import { importValues } from "@/db/commands/import";
import { findSnapshot, listSnapshots } from "@/db/queries/snapshots";
import { findYear } from "@/db/queries/years";
import { DOWNLOAD_TYPES, EXPORT_FORMAT_TEXT, fileSchema } from "@/lib/api/openapi";
import { AppError, notFound } from "@/lib/errors";
import { signOffSchema, yearContentSchema, parseSnapshotContent } from "@/lib/snapshot/content";
import { importErrorBody, importResultBody, snapshotBody, snapshotListBody } from "@/lib/validation/api";
import { idParams, yearParams } from "@/lib/validation/params";
import { allYearsExportQuery, exportQuery } from "@/lib/validation/export";
import { filenameFromDisposition, importFileName, importQuery } from "@/lib/validation/import";
import { createSnapshotSchema, snapshotListQuery } from "@/lib/validation/snapshot";
import { toSnapshotBody } from "@/server/api/serialize";
import { allYearsDownload, snapshotDownload, yearDownload } from "@/server/export/respond";
import { readUploadedValues, rowErrors } from "@/server/import/upload";
import { defineOperation } from "@/server/operation";

/** What leaves and enters the desk as files: exports, imports and the snapshots that never change. */
export const transfer = {
  exportYear: defineOperation({
    method: "GET",
    path: "/api/v1/years/{year}/export",
    summary: `Download the year's figures and quotes. ${EXPORT_FORMAT_TEXT}`,
    permission: "read",
    params: yearParams,
    query: exportQuery,
    response: fileSchema,
    responseTypes: DOWNLOAD_TYPES,
    errors: [400, 404],
    handler: ({ db, params, query, actor }) => yearDownload(db, params.year, query.format, actor, { provenance: query.provenance }),
  }),

  exportAllYears: defineOperation({
    method: "GET",
    path: "/api/v1/export",
    summary: "Download every year at once: CSV in long format (the same columns, all years) or one workbook with a sheet per year",
    permission: "read",
    query: allYearsExportQuery,
    response: fileSchema,
    responseTypes: DOWNLOAD_TYPES.slice(0, 2),
    errors: [400],
    handler: ({ db, query, actor }) => allYearsDownload(db, query.format, actor),
  }),

  /** All rows or none; `?dryRun=1` answers with the changes it would make and writes nothing. */
  import: defineOperation({
    method: "POST",
    path: "/api/v1/years/{year}/import",
    summary:
      "Import figures from a CSV (or the first sheet of an .xlsx) into an open year: all rows or none, one revision per changed row with the reason `import: <filename>` (from `?filename=` or Content-Disposition). Unchanged rows are skipped. At most 5 MB (413) and 20,000 rows. `?dryRun=1` answers with `changes` and writes nothing. Errors: 422 with `rows: [{row, column, message}]`.",
    permission: "values:write",
    params: yearParams,
    query: importQuery,
    documentedBody: fileSchema,
    bodyTypes: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    response: importResultBody,
    errors: [400, 404, 413, 415, 422, 423],
    errorBodies: { 422: importErrorBody },
    handler: async ({ db, params, query, actor, req, ip }) => {
      if (!req) throw new AppError("bad_request", "An import is an upload: send the file to the API route");
      // Before reading the body: a missing or locked year should not cost an upload's parsing.
      const year = await findYear(db, params.year);
      if (!year) throw notFound(`The year ${params.year}`);
      if (year.status === "locked") throw new AppError("locked", `The year ${params.year} is locked: an admin must unlock it before importing`);
      const parsed = await readUploadedValues(req);
      // A file-level problem (no header, wrong delimiter, too many rows) is the only news worth giving.
      if (!parsed.ok && parsed.rows.length === 0) throw rowErrors(parsed.errors);
      const filename = importFileName(query.filename ?? filenameFromDisposition(req.headers.get("content-disposition")));
      const result = await importValues(db, params.year, parsed.rows, actor, {
        dryRun: query.dryRun,
        filename,
        ip,
        parseErrors: parsed.ok ? [] : parsed.errors,
      });
      return result.dryRun
        ? { imported: 0, dryRun: true, unchanged: result.unchanged, changes: result.changes }
        : { imported: result.imported, unchanged: result.unchanged };
    },
  }),

  snapshots: defineOperation({
    method: "GET",
    path: "/api/v1/years/{year}/snapshots",
    summary: "The year's snapshots, newest first, a page at a time (`before` = `nextBefore` of the previous page)",
    permission: "read",
    params: yearParams,
    query: snapshotListQuery,
    response: snapshotListBody,
    errors: [400, 404],
    handler: async ({ db, params, query }) => {
      if (!(await findYear(db, params.year))) throw notFound(`The year ${params.year}`);
      const page = await listSnapshots(db, params.year, { limit: query.limit, before: query.before });
      return { year: params.year, snapshots: page.snapshots.map(toSnapshotBody), nextBefore: page.nextBefore };
    },
  }),

  takeSnapshot: defineOperation({
    method: "POST",
    path: "/api/v1/years/{year}/snapshots",
    summary: "Take a snapshot of the year now: its canonical JSON and sha256, never changed afterwards. The body (a `reason`) is optional.",
    permission: "snapshots:create",
    params: yearParams,
    body: createSnapshotSchema,
    bodyOptional: true,
    response: snapshotBody,
    successStatus: 201,
    errors: [400, 404, 422],
    handler: async ({ db, params, body, actor }) => toSnapshotBody(await createSnapshot(db, params.year, actor, body.reason || null)),
  }),

  snapshot: defineOperation({
    method: "GET",
    path: "/api/v1/snapshots/{id}",
    summary: "One snapshot with its content (the canonical year content whose sha256 it records)",
    permission: "read",
    params: idParams,
    response: snapshotBody.extend({
      content: yearContentSchema,
      signOff: signOffSchema.nullable().describe("Set when the lock that took it overrode failing error checks"),
    }),
    errors: [400, 404],
    handler: async ({ db, params }) => {
      const snapshot = await findSnapshot(db, params.id);
      if (!snapshot) throw notFound(`Snapshot ${params.id}`);
      return { ...toSnapshotBody(snapshot), content: parseSnapshotContent(snapshot.content), signOff: snapshot.signOff };
    },
  }),

  exportSnapshot: defineOperation({
    method: "GET",
    path: "/api/v1/snapshots/{id}/export",
    summary: `Download a snapshot, built from its frozen content only. ${EXPORT_FORMAT_TEXT}`,
    permission: "read",
    params: idParams,
    query: exportQuery,
    response: fileSchema,
    responseTypes: DOWNLOAD_TYPES,
    errors: [400, 404],
    handler: ({ db, params, query, actor }) => snapshotDownload(db, params.id, query.format, actor, { provenance: query.provenance }),
  }),
};
