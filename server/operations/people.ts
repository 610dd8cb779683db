import "server-only";
import { z } from "zod";
import { changeOwnPassword, createApiToken, createFirstAdmin, createUser, revokeAllApiTokens, revokeApiToken, updateUser } from "@/db/commands/users";
import { listAuditEntries } from "@/db/queries/audit";
import { listApiTokens, listUsers } from "@/db/queries/users";
import { auditPageBody, tokenBody, userBody } from "@/lib/validation/api";
import { auditQuery } from "@/lib/validation/audit";
import { idParams } from "@/lib/validation/params";
import { createTokenSchema } from "@/lib/validation/token";
import { changeOwnPasswordSchema, createUserSchema, resetPasswordSchema, setupSchema, updateUserSchema } from "@/lib/validation/user";
import { toAuditEntryBody, toTokenBody } from "@/server/api/serialize";
import { defineOperation } from "@/server/operation";

/** People with access, the audit log of what they did, and each person's own account. */
export const people = {
  list: defineOperation({
    method: "GET",
    path: "/api/v1/users",
    summary: "People with access",
    permission: "users:manage",
    response: z.object({ users: z.array(userBody) }),
    handler: async ({ db }) => ({ users: (await listUsers(db)).map(({ id, email, name, role, active }) => ({ id, email, name, role, active })) }),
  }),

  create: defineOperation({
    method: "POST",
    path: "/api/v1/users",
    summary: "Create a user with a role",
    permission: "users:manage",
    body: createUserSchema,
    response: userBody,
    successStatus: 201,
    errors: [409, 422],
    handler: async ({ db, body, actor, ip }) => ({ ...(await createUser(db, body, actor, ip)), active: true }),
  }),

  update: defineOperation({
    method: "PATCH",
    path: "/api/v1/users/{id}",
    summary:
      "Change a person's role, deactivate or reactivate them (`active`), or reset their password; each stops their open sessions. Your own role and active state, and the last active admin, are refused.",
    permission: "users:manage",
    params: idParams,
    body: updateUserSchema,
    response: userBody,
    errors: [404, 409, 422],
    handler: ({ db, params, body, actor, ip }) => updateUser(db, params.id, body, actor, ip),
  }),

  /** The admin's reset form: its own schema, so the repeated password is checked here too, not only in the browser. */
  resetPassword: defineOperation({
    method: "PATCH",
    summary: "Reset a person's password, typed twice; stops their open sessions",
    permission: "users:manage",
    body: resetPasswordSchema,
    response: userBody,
    errors: [404, 409, 422],
    handler: ({ db, body, actor, ip }) => updateUser(db, body.userId, { password: body.password }, actor, ip),
  }),

  audit: defineOperation({
    method: "GET",
    path: "/api/v1/audit",
    summary:
      "The audit log, newest first, 50 entries a page. Filters: `person` (user id), `year`, `metric`, `action`. Pass `older` as `before` for the next page, `newer` as `after` for the previous one.",
    permission: "audit:read",
    query: auditQuery,
    response: auditPageBody,
    errors: [400],
    handler: async ({ db, query }) => {
      const { before, after, ...filters } = query;
      const page = await listAuditEntries(db, filters, { before, after });
      return { entries: page.entries.map(toAuditEntryBody), older: page.older, newer: page.newer };
    },
  }),

  tokens: defineOperation({
    method: "GET",
    path: "/api/v1/me/tokens",
    summary: "Your unrevoked API tokens, expired ones marked (never the tokens themselves)",
    permission: "self:manage",
    response: z.object({ tokens: z.array(tokenBody) }),
    handler: async ({ db, actor }) => ({ tokens: (await listApiTokens(db, actor.id)).map((t) => toTokenBody(t)) }),
  }),

  /** The token is in this answer only: it is stored as a hash. */
  createToken: defineOperation({
    method: "POST",
    path: "/api/v1/me/tokens",
    summary: "Create an API token (expiresInDays: default 90, null for never); the answer is the only time it is shown",
    permission: "self:manage",
    body: createTokenSchema,
    response: z.object({ id: z.number().int(), token: z.string(), prefix: z.string(), expiresAt: z.string().nullable() }),
    successStatus: 201,
    errors: [422],
    handler: ({ db, actor, body }) => createApiToken(db, actor.id, body.name, body.expiresInDays),
  }),

  revokeTokens: defineOperation({
    method: "DELETE",
    path: "/api/v1/me/tokens",
    summary: "Revoke every one of your API tokens",
    permission: "self:manage",
    response: z.object({ revoked: z.number().int() }),
    handler: ({ db, actor, ip }) => revokeAllApiTokens(db, actor.id, ip),
  }),

  revokeToken: defineOperation({
    method: "DELETE",
    path: "/api/v1/me/tokens/{id}",
    summary: "Revoke one of your API tokens",
    permission: "self:manage",
    params: idParams,
    response: z.object({ id: z.number().int(), revoked: z.literal(true) }),
    errors: [404],
    handler: ({ db, actor, params }) => revokeApiToken(db, actor.id, params.id),
  }),

  /** The account page's form: the current password proves it is the owner at the keyboard, so no API token may do it. */
  changeOwnPassword: defineOperation({
    method: "POST",
    summary: "Change your own password; your sessions end and your API tokens are revoked",
    permission: "self:manage",
    body: changeOwnPasswordSchema,
    response: z.object({ changed: z.literal(true) }),
    handler: async ({ db, actor, body, ip }) => {
      await changeOwnPassword(db, actor.id, body.currentPassword, body.newPassword, ip);
      return { changed: true as const };
    },
  }),

  /** First run: the one form open to anyone, refused once any person exists. */
  setup: defineOperation({
    method: "POST",
    summary: "Create the first administrator",
    permission: "public",
    body: setupSchema,
    response: z.object({ email: z.string() }),
    handler: async ({ db, body, ip }) => {
      const user = await createFirstAdmin(db, { email: body.email, name: body.name, password: body.password }, ip);
      return { email: user.email };
    },
  }),
};
