import { listBlockHistory } from "@/db/queries/blocks";
import { apiRoute } from "@/server/api/route";
import { notFound } from "@/lib/errors";
import { idParams } from "@/lib/validation/params";

export const GET = apiRoute({ permission: "read", params: idParams }, async ({ db, params }) => {
  const history = await listBlockHistory(db, params.id);
  if (!history) throw notFound(`Text block ${params.id}`);
  return history;
});
