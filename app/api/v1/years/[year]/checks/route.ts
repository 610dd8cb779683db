import { listYearChecks } from "@/db/queries/checks";
import { findYear } from "@/db/queries/years";
import { apiRoute } from "@/server/api/route";
import { notFound } from "@/lib/errors";
import { yearParams } from "@/lib/validation/params";

export const GET = apiRoute({ permission: "read", params: yearParams }, async ({ db, params }) => {
  if (!(await findYear(db, params.year))) throw notFound(`The year ${params.year}`);
  return { year: params.year, checks: await listYearChecks(db, params.year) };
});
