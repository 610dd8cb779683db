import { z } from "zod";
import { yearParam } from "./params";

/** GET /api/v1/compare and /compare: two reporting years; the API also serves the table as CSV. */
export const compareQuery = z.object({
  from: yearParam,
  to: yearParam,
  format: z.enum(["json", "csv"], { error: "format must be json or csv" }).default("json"),
});

