import "server-only";
import { z } from "zod";
import { copyQuotes, createQuote, deleteQuote, updateQuote } from "@/db/commands/quotes";
import { listQuoteHistory } from "@/db/queries/quote-history";
import { listEarlierQuotes } from "@/db/queries/previous-year";
import { findYear, listYearQuotes } from "@/db/queries/years";
import { notFound } from "@/lib/errors";
import { earlierQuotesBody, quoteBody, quoteHistoryBody } from "@/lib/validation/api";
import { idParams, yearParams } from "@/lib/validation/params";
import { copyQuotesSchema, createQuoteSchema, deleteQuoteSchema, updateQuoteSchema } from "@/lib/validation/quote";
import { toQuoteBody } from "@/server/api/serialize";
import { defineOperation } from "@/server/operation";

/** The year's quotes from named officials, each change a revision. */
export const quotes = {
  list: defineOperation({
    method: "GET",
    path: "/api/v1/years/{year}/quotes",
    summary: "The year's quotes",
    permission: "read",
    params: yearParams,
    response: z.object({ year: z.number().int(), quotes: z.array(quoteBody) }),
    errors: [400, 404],
    handler: async ({ db, params }) => {
      if (!(await findYear(db, params.year))) throw notFound(`The year ${params.year}`);
      return { year: params.year, quotes: (await listYearQuotes(db, params.year)).map(toQuoteBody) };
    },
  }),

  create: defineOperation({
    method: "POST",
    path: "/api/v1/years/{year}/quotes",
    summary: "Add a quote",
    permission: "values:write",
    params: yearParams,
    body: createQuoteSchema,
    response: quoteBody,
    successStatus: 201,
    errors: [404, 422, 423],
    handler: ({ db, params, body, actor }) => createQuote(db, params.year, body, actor),
  }),

  update: defineOperation({
    method: "PUT",
    path: "/api/v1/quotes/{id}",
    summary: "Change a quote (send its `version`)",
    permission: "values:write",
    params: idParams,
    body: updateQuoteSchema,
    response: quoteBody,
    errors: [404, 409, 422, 423],
    handler: ({ db, params, body, actor }) => updateQuote(db, params.id, body, actor),
  }),

  // A DELETE may carry `{"version"}` to guard against deleting a quote someone just changed.
  delete: defineOperation({
    method: "DELETE",
    path: "/api/v1/quotes/{id}",
    summary: "Delete a quote (its revisions stay)",
    permission: "values:write",
    params: idParams,
    body: deleteQuoteSchema,
    bodyOptional: true,
    response: z.object({ id: z.number().int(), deleted: z.literal(true) }),
    errors: [404, 409, 423],
    handler: ({ db, params, body, actor }) => deleteQuote(db, params.id, body, actor),
  }),

  // Deleted quotes answer too: their history is what explains where they went.
  history: defineOperation({
    method: "GET",
    path: "/api/v1/quotes/{id}/history",
    summary: "Every revision of a quote (a deleted one too), newest first, with who, when, why and which fields each changed",
    permission: "read",
    params: idParams,
    response: quoteHistoryBody,
    errors: [404],
    handler: async ({ db, params }) => {
      const history = await listQuoteHistory(db, params.id);
      if (!history) throw notFound(`Quote ${params.id}`);
      return history;
    },
  }),

  /** What the copy dialog offers, read when it opens: every earlier year's quotes are too many to send with the page. */
  earlier: defineOperation({
    method: "GET",
    summary: "The quotes of every year before this one, newest year first, and the speakers quoted in several",
    permission: "read",
    params: yearParams,
    response: earlierQuotesBody,
    handler: async ({ db, params }) => {
      const earlier = await listEarlierQuotes(db, params.year);
      return (
        earlier && { years: earlier.years.map((y) => ({ year: y.year, quotes: y.quotes.map(toQuoteBody) })), recurringSpeakers: earlier.recurringSpeakers }
      );
    },
  }),

  /** The year page's "copy from last year": a page's action only, the API opens a year with `quoteIds` instead. */
  copy: defineOperation({
    method: "POST",
    summary: "Copy quotes of another year into this one, as new quotes",
    permission: "values:write",
    params: yearParams,
    body: copyQuotesSchema,
    response: z.array(quoteBody),
    handler: ({ db, params, body, actor }) => copyQuotes(db, params.year, body.ids, actor),
  }),
};
