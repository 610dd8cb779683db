/** The query of the export downloads: a year's or a snapshot's, and every year's. */
import { z } from "zod";
import { EXPORT_FORMATS } from "@/lib/export/model";

export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: "format must be csv, xlsx, json or docx" }).default("csv"),
  // The CSV keeps the contract's columns; `provenance=1` adds each value's wording and structured source after them.
  provenance: z
    .enum(["1", "0", "true", "false"], { error: "provenance must be 1 or 0" })
    .optional()
    .transform((v) => v === "1" || v === "true"),
});

export const allYearsExportQuery = z.object({
  format: z.enum(["csv", "xlsx"], { error: "format must be csv or xlsx" }).default("csv"),
});
