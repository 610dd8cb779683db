import { returnYear } from "@/db/commands/years";
import { apiRoute } from "@/server/api/route";
import { yearParams } from "@/lib/validation/params";
import { returnYearSchema } from "@/lib/validation/year";

export const POST = apiRoute({ permission: "years:return", params: yearParams, body: returnYearSchema }, async ({ db, params, body, actor, ip }) =>
  returnYear(db, params.year, body.message, actor, ip),
);
