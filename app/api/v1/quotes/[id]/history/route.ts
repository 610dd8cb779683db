import { listQuoteHistory } from "@/db/queries/quote-history";
import { apiRoute } from "@/server/api/route";
import { notFound } from "@/lib/errors";
import { idParams } from "@/lib/validation/params";

// Deleted quotes answer too: their history is what explains where they went.
export const GET = apiRoute({ permission: "read", params: idParams }, async ({ db, params }) => {
  const history = await listQuoteHistory(db, params.id);
  if (!history) throw notFound(`Quote ${params.id}`);
  return history;
});
