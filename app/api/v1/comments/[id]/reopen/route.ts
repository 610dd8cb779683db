import { setCommentResolved } from "@/db/commands/comments";
import { apiRoute } from "@/server/api/route";
import { toCommentBody } from "@/server/api/serialize";
import { idParams } from "@/lib/validation/params";

// Whoever may comment may reopen: a reviewer not satisfied by the answer asks again on the same thread.
export const POST = apiRoute({ permission: "comments:write", params: idParams }, async ({ db, params, actor, ip }) =>
  toCommentBody(await setCommentResolved(db, params.id, false, actor, ip)),
);
