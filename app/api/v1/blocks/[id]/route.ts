import { deleteBlock, updateBlock } from "@/db/commands/blocks";
import { findBlock } from "@/db/queries/blocks";
import { apiRoute } from "@/server/api/route";
import { toBlockBody } from "@/server/api/serialize";
import { notFound } from "@/lib/errors";
import { deleteBlockSchema, updateBlockSchema } from "@/lib/validation/block";
import { idParams } from "@/lib/validation/params";

export const GET = apiRoute({ permission: "read", params: idParams }, async ({ db, params }) => {
  const block = await findBlock(db, params.id);
  if (!block) throw notFound(`Text block ${params.id}`);
  return toBlockBody(block);
});

export const PUT = apiRoute({ permission: "values:write", params: idParams, body: updateBlockSchema }, async ({ db, params, body, actor }) =>
  toBlockBody(await updateBlock(db, params.id, body, actor)),
);

// A DELETE may carry `{"version"}` to guard against deleting a block someone just changed.
export const DELETE = apiRoute({ permission: "values:write", params: idParams, body: deleteBlockSchema, bodyOptional: true }, async ({ db, params, body, actor }) =>
  deleteBlock(db, params.id, body, actor),
);
