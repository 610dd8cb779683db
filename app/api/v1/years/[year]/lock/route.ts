import { lockYear } from "@/db/commands/years";
import { apiRoute } from "@/server/api/route";
import { yearParams } from "@/lib/validation/params";
import { lockYearSchema } from "@/lib/validation/year";

// No body is a plain lock, as in version 1.0; `{"overrideReason"}` signs off despite failing error checks.
export const POST = apiRoute({ permission: "years:lock", params: yearParams, body: lockYearSchema, bodyOptional: true }, async ({ db, params, body, actor, ip }) =>
  lockYear(db, params.year, actor, ip, { overrideReason: body.overrideReason }),
);
