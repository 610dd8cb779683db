import { createMetric } from "@/db/commands/metrics";
import { listMetrics } from "@/db/queries/catalog";
import { apiRoute } from "@/server/api/route";
import { toMetricBody } from "@/server/api/serialize";
import { createMetricSchema } from "@/lib/validation/metric";

export const GET = apiRoute({ permission: "read" }, async ({ db }) => {
  const metrics = await listMetrics(db);
  return { metrics: metrics.map(toMetricBody) };
});

export const POST = apiRoute({ permission: "metrics:manage", body: createMetricSchema }, async ({ db, body, actor, ip }) => {
  const metric = await createMetric(db, body, actor, ip);
  return Response.json(toMetricBody(metric), { status: 201 });
});
