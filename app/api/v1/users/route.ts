import { createUser } from "@/db/commands/users";
import { listUsers } from "@/db/queries/users";
import { apiRoute } from "@/server/api/route";
import { createUserSchema } from "@/lib/validation/user";

export const GET = apiRoute({ permission: "users:manage" }, async ({ db }) => ({
  users: (await listUsers(db)).map(({ id, email, name, role, active }) => ({ id, email, name, role, active })),
}));

export const POST = apiRoute({ permission: "users:manage", body: createUserSchema }, async ({ db, body, actor, ip }) => {
  const user = await createUser(db, body, actor, ip);
  return Response.json({ ...user, active: true }, { status: 201 });
});
