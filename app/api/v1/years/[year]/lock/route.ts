import { lockYear } from "@/db/commands/years";
import { apiRoute } from "@/lib/api/route";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { yearParams } from "@/lib/validation/params";

export const POST = apiRoute({ permission: "years:lock", params: yearParams }, async ({ db, params, actor, req }) =>
  lockYear(db, params.year, actor, clientIpFromHeaders(req.headers)),
);
