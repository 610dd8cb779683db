import { setCommentResolved } from "@/db/commands/comments";
import { apiRoute } from "@/server/api/route";
import { toCommentBody } from "@/server/api/serialize";
import { idParams } from "@/lib/validation/params";

export const POST = apiRoute({ permission: "comments:resolve", params: idParams }, async ({ db, params, actor, ip }) =>
  toCommentBody(await setCommentResolved(db, params.id, true, actor, ip)),
);
