import { createApiToken } from "@/db/commands/users";
import { listApiTokens } from "@/db/queries/users";
import { apiRoute } from "@/lib/api/route";
import { createTokenSchema } from "@/lib/validation/token";

export const GET = apiRoute({ permission: "self:manage" }, async ({ db, actor }) => ({
  tokens: (await listApiTokens(db, actor.id)).map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null })),
}));

/** The token is in this answer only: it is stored as a hash. */
export const POST = apiRoute({ permission: "self:manage", body: createTokenSchema }, async ({ db, actor, body }) => {
  const created = await createApiToken(db, actor.id, body.name);
  return Response.json(created, { status: 201 });
});
