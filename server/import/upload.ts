import "server-only";
import { parseValuesCsv } from "@/lib/import/values-csv";
import type { ParseValuesResult, RowError } from "@/lib/import/values-table";
import { readCapped } from "@/server/api/read-capped";
import { AppError } from "@/lib/errors";
import { parseValuesWorkbook, UnreadableWorkbookError } from "@/lib/import/values-workbook";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, IMPORT_MAX_UNPACKED_BYTES } from "@/lib/validation/import";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ACCEPTED_TYPES = new Set([
  "",
  "text/csv",
  "text/plain",
  "application/csv",
  "text/comma-separated-values",
  "application/vnd.ms-excel",
  "application/octet-stream",
  XLSX_TYPE,
]);

const tooLarge = () => new AppError("payload_too_large", `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB: split it into smaller files`);

/** The row-level errors of a file as the contract's 422 body. */
export function rowErrors(errors: RowError[]): AppError {
  const message =
    errors.length === 1 && errors[0]!.row === 1 && errors[0]!.column === ""
      ? `The file cannot be imported: ${errors[0]!.message}`
      : "The file has errors: nothing was imported";
  return new AppError("validation", message, undefined, { rows: errors });
}

/**
 * Reads an uploaded figures file (CSV, or the first sheet of an .xlsx) from a request body.
 * The size is refused before anything is parsed: from Content-Length when sent, and while
 * streaming otherwise, so a 25 MB body never sits in memory whole.
 */
export async function readUploadedValues(req: Request): Promise<ParseValuesResult> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!ACCEPTED_TYPES.has(type)) {
    throw new AppError("unsupported_media_type", "Send the file as text/csv (or an .xlsx workbook)");
  }
  const bytes = await readCapped(req, IMPORT_MAX_BYTES, tooLarge);

  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (type === XLSX_TYPE || isZip) {
    try {
      return await parseValuesWorkbook(bytes, { maxRows: IMPORT_MAX_ROWS, maxUnpackedBytes: IMPORT_MAX_UNPACKED_BYTES });
    } catch (error) {
      if (error instanceof UnreadableWorkbookError) throw rowErrors([{ row: 1, column: "", message: error.message }]);
      throw error;
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw rowErrors([{ row: 1, column: "", message: "the file is not UTF-8 text: save it as “CSV UTF-8”" }]);
  }
  if (text.includes("\u0000")) throw rowErrors([{ row: 1, column: "", message: "the file is binary, not CSV text" }]);
  // The row limit is checked right after splitting records, before any row is validated.
  return parseValuesCsv(text, { maxRows: IMPORT_MAX_ROWS });
}
