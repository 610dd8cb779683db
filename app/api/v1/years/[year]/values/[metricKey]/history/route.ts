import { listValueHistory } from "@/db/queries/history";
import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { historyQuery } from "@/lib/validation/history";
import { yearMetricParams } from "@/lib/validation/params";

export const GET = apiRoute({ permission: "read", params: yearMetricParams, query: historyQuery }, async ({ db, params, query }) => {
  const page = await listValueHistory(db, params.year, params.metricKey, query);
  if (!page) throw notFound(`A value of “${params.metricKey}” in ${params.year}`);
  return { year: params.year, metricKey: params.metricKey, ...page };
});

