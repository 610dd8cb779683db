import { listMetrics } from "@/db/queries/catalog";
import { apiRoute } from "@/lib/api/route";
import { toMetricBody } from "@/lib/api/serialize";

export const GET = apiRoute({ permission: "read" }, async ({ db }) => {
  const metrics = await listMetrics(db);
  return { metrics: metrics.map(toMetricBody) };
});
