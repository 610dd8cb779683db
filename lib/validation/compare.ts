import { z } from "zod";
import { yearParam } from "./params";

/** GET /api/v1/compare and /compare: two reporting years; the API also serves the table as CSV. */
export const compareQuery = z.object({
  from: yearParam,
  to: yearParam,
  format: z.enum(["json", "csv"], { error: "format must be json or csv" }).default("json"),
});

/** GET /api/v1/compare/brief: the changes between two years as Markdown or Word. */
export const briefQuery = z.object({
  from: yearParam,
  to: yearParam,
  format: z.enum(["md", "docx"], { error: "format must be md or docx" }).default("md"),
});
