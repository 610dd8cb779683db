import { updateMetric } from "@/db/commands/metrics";
import { apiRoute } from "@/lib/api/route";
import { toMetricBody } from "@/lib/api/serialize";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { updateMetricSchema } from "@/lib/validation/metric";
import { metricKeyParams } from "@/lib/validation/params";

export const PUT = apiRoute({ permission: "metrics:manage", params: metricKeyParams, body: updateMetricSchema }, async ({ db, params, body, actor, req }) =>
  toMetricBody(await updateMetric(db, params.key, body, actor, clientIpFromHeaders(req.headers))),
);
