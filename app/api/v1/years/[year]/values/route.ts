import { saveValues } from "@/db/commands/values";
import { findYear, listYearValues } from "@/db/queries/years";
import { apiRoute } from "@/server/api/route";
import { toValueBody } from "@/server/api/serialize";
import { notFound } from "@/lib/errors";
import { yearParams } from "@/lib/validation/params";
import { valueBatchSchema } from "@/lib/validation/value-batch";

export const GET = apiRoute({ permission: "read", params: yearParams }, async ({ db, params }) => {
  if (!(await findYear(db, params.year))) throw notFound(`The year ${params.year}`);
  const values = await listYearValues(db, params.year);
  return { year: params.year, values: values.map(toValueBody) };
});

// Each row's own fields are parsed inside saveValues with its metric's schema, as the single PUT does.
export const PUT = apiRoute({ permission: "values:write", params: yearParams, body: valueBatchSchema }, async ({ db, params, body, actor, ip }) => ({
  year: params.year,
  values: await saveValues(db, params.year, body.values, actor, { ip }),
}));
