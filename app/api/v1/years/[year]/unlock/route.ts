import { unlockYear } from "@/db/commands/years";
import { apiRoute } from "@/server/api/route";
import { yearParams } from "@/lib/validation/params";
import { unlockYearSchema } from "@/lib/validation/year";

export const POST = apiRoute({ permission: "years:unlock", params: yearParams, body: unlockYearSchema }, async ({ db, params, body, actor, ip }) =>
  unlockYear(db, params.year, body.reason, actor, ip),
);
