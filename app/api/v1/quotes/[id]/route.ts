import { deleteQuote, updateQuote } from "@/db/commands/quotes";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { idParams } from "@/lib/validation/params";
import { deleteQuoteSchema, updateQuoteSchema } from "@/lib/validation/quote";

export const PUT = apiRoute({ permission: "values:write", params: idParams, body: updateQuoteSchema }, async ({ db, params, body, actor }) =>
  updateQuote(db, params.id, body, actor),
);

export const DELETE = apiRoute({ permission: "values:write", params: idParams }, async ({ db, params, actor, req }) => {
  // A DELETE may carry `{"version"}` to guard against deleting a quote someone just changed.
  const text = await req.text();
  const body = deleteQuoteSchema.parse(text.trim() ? safeJson(text) : {});
  return deleteQuote(db, params.id, body, actor);
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
}
