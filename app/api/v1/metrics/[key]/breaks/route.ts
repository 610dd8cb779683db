import { addMetricBreak } from "@/db/commands/metrics";
import { apiRoute } from "@/server/api/route";
import { toMetricBreakBody } from "@/server/api/serialize";
import { metricBreakSchema } from "@/lib/validation/metric";
import { metricKeyParams } from "@/lib/validation/params";

export const POST = apiRoute({ permission: "metrics:manage", params: metricKeyParams, body: metricBreakSchema }, async ({ db, params, body, actor, ip }) =>
  Response.json(toMetricBreakBody(await addMetricBreak(db, params.key, body, actor, ip)), { status: 201 }),
);
