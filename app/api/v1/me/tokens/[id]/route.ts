import { revokeApiToken } from "@/db/commands/users";
import { apiRoute } from "@/server/api/route";
import { idParams } from "@/lib/validation/params";

export const DELETE = apiRoute({ permission: "self:manage", params: idParams }, async ({ db, actor, params }) => revokeApiToken(db, actor.id, params.id));
