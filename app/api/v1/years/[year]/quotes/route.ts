import { createQuote } from "@/db/commands/quotes";
import { findYear, listYearQuotes } from "@/db/queries/years";
import { apiRoute } from "@/server/api/route";
import { toQuoteBody } from "@/server/api/serialize";
import { notFound } from "@/lib/errors";
import { yearParams } from "@/lib/validation/params";
import { createQuoteSchema } from "@/lib/validation/quote";

export const GET = apiRoute({ permission: "read", params: yearParams }, async ({ db, params }) => {
  if (!(await findYear(db, params.year))) throw notFound(`The year ${params.year}`);
  const quotes = await listYearQuotes(db, params.year);
  return { year: params.year, quotes: quotes.map(toQuoteBody) };
});

export const POST = apiRoute({ permission: "values:write", params: yearParams, body: createQuoteSchema }, async ({ db, params, body, actor }) => {
  const quote = await createQuote(db, params.year, body, actor);
  return Response.json(quote, { status: 201 });
});
