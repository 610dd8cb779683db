"use server";

import { changeOwnPassword, createApiToken, revokeAllApiTokens, revokeApiToken } from "@/db/commands/users";
import { guardedAction } from "@/server/actions/safe-action";
import { createTokenSchema, revokeAllTokensSchema, revokeTokenSchema } from "@/lib/validation/token";
import { changeOwnPasswordSchema } from "@/lib/validation/user";

export const changeOwnPasswordAction = guardedAction("self:manage", changeOwnPasswordSchema, async (input, { db, actor, ip }) => {
  await changeOwnPassword(db, actor.id, input.currentPassword, input.newPassword, ip);
  return { changed: true as const };
});

export const createTokenAction = guardedAction("self:manage", createTokenSchema, async ({ name, expiresInDays }, { db, actor }) =>
  createApiToken(db, actor.id, name, expiresInDays),
);

export const revokeTokenAction = guardedAction("self:manage", revokeTokenSchema, async ({ id }, { db, actor }) =>
  revokeApiToken(db, actor.id, id),
);

export const revokeAllTokensAction = guardedAction("self:manage", revokeAllTokensSchema, async (_input, { db, actor, ip }) => revokeAllApiTokens(db, actor.id, ip));
