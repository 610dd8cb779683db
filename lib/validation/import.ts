/** An uploaded figures file: how large it may be, the import's query, and the name its revisions record. */
import { z } from "zod";

/** Upload limits, checked before a file is parsed (and in the browser before it is sent). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** What an uploaded .xlsx may unpack to: a 10,000-row sheet is about 4 MB of XML. */
export const IMPORT_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

export const importQuery = z.object({
  dryRun: z
    .enum(["1", "0", "true", "false"], { error: "dryRun must be 1 or 0" })
    .optional()
    .transform((v) => v === "1" || v === "true"),
  filename: z.string().max(500).optional(),
});

/**
 * The name recorded in each revision's reason: the last path part, without control
 * characters, at most 200 characters; "upload.csv" when none was given.
 */
export function importFileName(raw: string | null | undefined): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
  return clean || "upload.csv";
}

/** The filename of a Content-Disposition header (`filename*=UTF-8''…` preferred), or null. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      return null;
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/.exec(header);
  return plain ? (plain[1] ?? plain[2] ?? "").replace(/\\(.)/g, "$1").trim() || null : null;
}
