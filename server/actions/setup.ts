"use server";

import { createFirstAdmin } from "@/db/commands/users";
import { publicAction } from "@/server/actions/safe-action";
import { setupSchema } from "@/lib/validation/user";

export const setupAdmin = publicAction(setupSchema, async (input, { db, ip }) => {
  const user = await createFirstAdmin(db, { email: input.email, name: input.name, password: input.password }, ip);
  return { email: user.email };
});
