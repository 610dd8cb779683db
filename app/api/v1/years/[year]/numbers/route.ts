import { listYearWrittenNumbers } from "@/db/queries/written-numbers";
import { findYear } from "@/db/queries/years";
import { apiRoute } from "@/server/api/route";
import { notFound } from "@/lib/errors";
import { writtenNumbersQuery } from "@/lib/validation/block";
import { yearParams } from "@/lib/validation/params";

export const GET = apiRoute({ permission: "read", params: yearParams, query: writtenNumbersQuery }, async ({ db, params, query }) => {
  if (!(await findYear(db, params.year))) throw notFound(`The year ${params.year}`);
  return { year: params.year, numbers: await listYearWrittenNumbers(db, params.year, query) };
});
