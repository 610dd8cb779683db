import { updateMetric } from "@/db/commands/metrics";
import { listMetricBreaks } from "@/db/queries/breaks";
import { findMetric } from "@/db/queries/catalog";
import { apiRoute } from "@/server/api/route";
import { toMetricBody, toMetricBreakBody } from "@/server/api/serialize";
import { notFound } from "@/lib/errors";
import { updateMetricSchema } from "@/lib/validation/metric";
import { metricKeyParams } from "@/lib/validation/params";

export const GET = apiRoute({ permission: "read", params: metricKeyParams }, async ({ db, params }) => {
  const [metric, breaks] = await Promise.all([findMetric(db, params.key), listMetricBreaks(db, params.key)]);
  if (!metric) throw notFound(`The metric “${params.key}”`);
  return { ...toMetricBody(metric), breaks: breaks.map(toMetricBreakBody) };
});

export const PUT = apiRoute({ permission: "metrics:manage", params: metricKeyParams, body: updateMetricSchema }, async ({ db, params, body, actor, ip }) =>
  toMetricBody(await updateMetric(db, params.key, body, actor, ip)),
);
