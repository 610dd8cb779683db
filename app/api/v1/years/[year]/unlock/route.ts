import { unlockYear } from "@/db/commands/years";
import { apiRoute } from "@/lib/api/route";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { yearParams } from "@/lib/validation/params";
import { unlockYearSchema } from "@/lib/validation/year";

export const POST = apiRoute({ permission: "years:unlock", params: yearParams, body: unlockYearSchema }, async ({ db, params, body, actor, req }) =>
  unlockYear(db, params.year, body.reason, actor, clientIpFromHeaders(req.headers)),
);
