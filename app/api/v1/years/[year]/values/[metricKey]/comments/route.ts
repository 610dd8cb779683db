import { addComment } from "@/db/commands/comments";
import { findMetric } from "@/db/queries/catalog";
import { listValueComments } from "@/db/queries/comments";
import { findYear } from "@/db/queries/years";
import { apiRoute } from "@/server/api/route";
import { toCommentBody } from "@/server/api/serialize";
import { notFound } from "@/lib/errors";
import { commentSchema } from "@/lib/validation/comment";
import { yearMetricParams } from "@/lib/validation/params";

export const GET = apiRoute({ permission: "read", params: yearMetricParams }, async ({ db, params }) => {
  const [year, metric] = await Promise.all([findYear(db, params.year), findMetric(db, params.metricKey)]);
  if (!year) throw notFound(`The year ${params.year}`);
  if (!metric) throw notFound(`The metric “${params.metricKey}”`);
  const comments = await listValueComments(db, params.year, params.metricKey);
  return { year: params.year, metricKey: params.metricKey, comments: comments.map(toCommentBody) };
});

export const POST = apiRoute({ permission: "comments:write", params: yearMetricParams, body: commentSchema }, async ({ db, params, body, actor, ip }) => {
  const comment = await addComment(db, params.year, params.metricKey, body.text, actor, ip);
  return Response.json(toCommentBody(comment), { status: 201 });
});
