import { submitYear } from "@/db/commands/years";
import { apiRoute } from "@/lib/api/route";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { yearParams } from "@/lib/validation/params";

export const POST = apiRoute({ permission: "years:submit", params: yearParams }, async ({ db, params, actor, req }) =>
  submitYear(db, params.year, actor, clientIpFromHeaders(req.headers)),
);
