import { submitYear } from "@/db/commands/years";
import { apiRoute } from "@/server/api/route";
import { yearParams } from "@/lib/validation/params";

export const POST = apiRoute({ permission: "years:submit", params: yearParams }, async ({ db, params, actor, ip }) =>
  submitYear(db, params.year, actor, ip),
);
