import { findYear, listYearValues } from "@/db/queries/years";
import { apiRoute } from "@/lib/api/route";
import { toValueBody } from "@/lib/api/serialize";
import { notFound } from "@/lib/errors";
import { yearParams } from "@/lib/validation/params";

export const GET = apiRoute({ permission: "read", params: yearParams }, async ({ db, params }) => {
  if (!(await findYear(db, params.year))) throw notFound(`The year ${params.year}`);
  const values = await listYearValues(db, params.year);
  return { year: params.year, values: values.map(toValueBody) };
});
