import { lockYear } from "@/db/commands/years";
import { apiRoute } from "@/lib/api/route";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { yearParams } from "@/lib/validation/params";
import { lockYearSchema } from "@/lib/validation/year";

// No body is a plain lock, as in version 1.0; `{"overrideReason"}` signs off despite failing error checks.
export const POST = apiRoute({ permission: "years:lock", params: yearParams, body: lockYearSchema, bodyOptional: true }, async ({ db, params, body, actor, req }) =>
  lockYear(db, params.year, actor, clientIpFromHeaders(req.headers), { overrideReason: body.overrideReason }),
);
