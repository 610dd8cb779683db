import { createApiToken, revokeAllApiTokens } from "@/db/commands/users";
import { listApiTokens } from "@/db/queries/users";
import { apiRoute } from "@/server/api/route";
import { toTokenBody } from "@/server/api/serialize";
import { createTokenSchema } from "@/lib/validation/token";

export const GET = apiRoute({ permission: "self:manage" }, async ({ db, actor }) => ({
  tokens: (await listApiTokens(db, actor.id)).map((t) => toTokenBody(t)),
}));

/** The token is in this answer only: it is stored as a hash. */
export const POST = apiRoute({ permission: "self:manage", body: createTokenSchema }, async ({ db, actor, body }) => {
  const created = await createApiToken(db, actor.id, body.name, body.expiresInDays);
  return Response.json(created, { status: 201 });
});

export const DELETE = apiRoute({ permission: "self:manage" }, async ({ db, actor, ip }) => revokeAllApiTokens(db, actor.id, ip));
