import { importValues } from "@/db/commands/import";
import { findYear } from "@/db/queries/years";
import { apiRoute } from "@/server/api/route";
import { AppError, notFound } from "@/lib/errors";
import { readUploadedValues, rowErrors } from "@/server/import/upload";
import { yearParams } from "@/lib/validation/params";
import { filenameFromDisposition, importFileName, importQuery } from "@/lib/validation/import";

/** All rows or none; `?dryRun=1` answers with the changes it would make and writes nothing. */
export const POST = apiRoute({ permission: "values:write", params: yearParams, query: importQuery }, async ({ db, params, query, actor, req, ip }) => {
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
});
