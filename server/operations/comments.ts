import "server-only";
import { z } from "zod";
import { addComment, setCommentResolved } from "@/db/commands/comments";
import { findMetric } from "@/db/queries/catalog";
import { listValueComments } from "@/db/queries/comments";
import { findYear } from "@/db/queries/years";
import { notFound } from "@/lib/errors";
import { commentBody } from "@/lib/validation/api";
import { commentSchema } from "@/lib/validation/comment";
import { idParams, yearMetricParams } from "@/lib/validation/params";
import { toCommentBody } from "@/server/api/serialize";
import { defineOperation } from "@/server/operation";

/** Reviewers' threads on a figure. */
export const comments = {
  list: defineOperation({
    method: "GET",
    path: "/api/v1/years/{year}/values/{metricKey}/comments",
    summary: "The comments on one value, oldest first",
    permission: "read",
    params: yearMetricParams,
    response: z.object({ year: z.number().int(), metricKey: z.string(), comments: z.array(commentBody) }),
    errors: [400, 404],
    handler: async ({ db, params }) => {
      const [year, metric] = await Promise.all([findYear(db, params.year), findMetric(db, params.metricKey)]);
      if (!year) throw notFound(`The year ${params.year}`);
      if (!metric) throw notFound(`The metric “${params.metricKey}”`);
      const found = await listValueComments(db, params.year, params.metricKey);
      return { year: params.year, metricKey: params.metricKey, comments: found.map(toCommentBody) };
    },
  }),

  add: defineOperation({
    method: "POST",
    path: "/api/v1/years/{year}/values/{metricKey}/comments",
    summary: "Comment on a value (plain text, at most 2,000 characters); refused on a locked year",
    permission: "comments:write",
    params: yearMetricParams,
    body: commentSchema,
    response: commentBody,
    successStatus: 201,
    errors: [400, 404, 422, 423],
    handler: async ({ db, params, body, actor, ip }) => toCommentBody(await addComment(db, params.year, params.metricKey, body.text, actor, ip)),
  }),

  resolve: defineOperation({
    method: "POST",
    path: "/api/v1/comments/{id}/resolve",
    summary: "Resolve a comment",
    permission: "comments:resolve",
    params: idParams,
    response: commentBody,
    errors: [404, 409, 423],
    handler: async ({ db, params, actor, ip }) => toCommentBody(await setCommentResolved(db, params.id, true, actor, ip)),
  }),

  // Whoever may comment may reopen: a reviewer not satisfied by the answer asks again on the same thread.
  reopen: defineOperation({
    method: "POST",
    path: "/api/v1/comments/{id}/reopen",
    summary: "Reopen a resolved comment",
    permission: "comments:write",
    params: idParams,
    response: commentBody,
    errors: [404, 409, 423],
    handler: async ({ db, params, actor, ip }) => toCommentBody(await setCommentResolved(db, params.id, false, actor, ip)),
  }),
};
