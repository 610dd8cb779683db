"use server";

import { createUser, updateUser } from "@/db/commands/users";
import { guardedAction } from "@/server/actions/safe-action";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema } from "@/lib/validation/user";

export const createUserAction = guardedAction("users:manage", createUserSchema, async (input, { db, actor, ip }) => {
  const user = await createUser(db, input, actor, ip);
  return { id: user.id };
});

export const changeRoleAction = guardedAction("users:manage", changeRoleSchema, async ({ userId, role }, { db, actor, ip }) =>
  updateUser(db, userId, { role }, actor, ip),
);

export const setActiveAction = guardedAction("users:manage", setActiveSchema, async ({ userId, active }, { db, actor, ip }) =>
  updateUser(db, userId, { active }, actor, ip),
);

export const resetPasswordAction = guardedAction("users:manage", resetPasswordSchema, async ({ userId, password }, { db, actor, ip }) =>
  updateUser(db, userId, { password }, actor, ip),
);
