import { createBlock } from "@/db/commands/blocks";
import { listYearBlocks } from "@/db/queries/blocks";
import { findYear } from "@/db/queries/years";
import { apiRoute } from "@/server/api/route";
import { toBlockBody } from "@/server/api/serialize";
import { notFound } from "@/lib/errors";
import { blockListQuery, createBlockSchema } from "@/lib/validation/block";
import { yearParams } from "@/lib/validation/params";

export const GET = apiRoute({ permission: "read", params: yearParams, query: blockListQuery }, async ({ db, params, query }) => {
  if (!(await findYear(db, params.year))) throw notFound(`The year ${params.year}`);
  const blocks = await listYearBlocks(db, params.year, { section: query.section });
  return { year: params.year, blocks: blocks.map(toBlockBody) };
});

export const POST = apiRoute({ permission: "values:write", params: yearParams, body: createBlockSchema }, async ({ db, params, body, actor }) => {
  const block = await createBlock(db, params.year, body, actor);
  return Response.json(toBlockBody(block), { status: 201 });
});
