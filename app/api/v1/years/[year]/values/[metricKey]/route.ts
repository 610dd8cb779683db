import { saveValue } from "@/db/commands/values";
import { apiRoute } from "@/server/api/route";
import { yearMetricParams } from "@/lib/validation/params";
import { z } from "zod";

// The body is parsed inside saveValue with the metric's own schema (its unit and bounds).
export const PUT = apiRoute({ permission: "values:write", params: yearMetricParams, body: z.unknown() }, async ({ db, params, body, actor, ip }) =>
  saveValue(db, params.year, params.metricKey, body, actor, { ip }),
);
