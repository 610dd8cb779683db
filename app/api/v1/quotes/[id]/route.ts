import { deleteQuote, updateQuote } from "@/db/commands/quotes";
import { apiRoute } from "@/server/api/route";
import { idParams } from "@/lib/validation/params";
import { deleteQuoteSchema, updateQuoteSchema } from "@/lib/validation/quote";

export const PUT = apiRoute({ permission: "values:write", params: idParams, body: updateQuoteSchema }, async ({ db, params, body, actor }) =>
  updateQuote(db, params.id, body, actor),
);

// A DELETE may carry `{"version"}` to guard against deleting a quote someone just changed.
export const DELETE = apiRoute({ permission: "values:write", params: idParams, body: deleteQuoteSchema, bodyOptional: true }, async ({ db, params, body, actor }) =>
  deleteQuote(db, params.id, body, actor),
);
