import { updateUser } from "@/db/commands/users";
import { apiRoute } from "@/server/api/route";
import { idParams } from "@/lib/validation/params";
import { updateUserSchema } from "@/lib/validation/user";

export const PATCH = apiRoute({ permission: "users:manage", params: idParams, body: updateUserSchema }, async ({ db, params, body, actor, ip }) =>
  updateUser(db, params.id, body, actor, ip),
);
