import "server-only";
import { z } from "zod";
import { saveValue, saveValues } from "@/db/commands/values";
import { listValueHistory, readEveryRevision } from "@/db/queries/history";
import { findYear, listYearValues } from "@/db/queries/years";
import { streamedJson } from "@/lib/api/json-stream";
import { notFound } from "@/lib/errors";
import { historyBody, valueBatchErrorBody, valueBody } from "@/lib/validation/api";
import { historyQuery } from "@/lib/validation/history";
import { metricKeyParam, yearMetricParams, yearParams } from "@/lib/validation/params";
import { valueSaveSchema } from "@/lib/validation/value";
import { MAX_BATCH_VALUES, valueBatchSchema } from "@/lib/validation/value-batch";
import { toValueBody } from "@/server/api/serialize";
import { defineOperation } from "@/server/operation";

// The server parses a value with its metric's own rules (unit, min, max); the shape is the same for all.
const valueSave = valueSaveSchema({ unit: "count", min: null, max: null });

/** A year's figures: one row per metric, saved one at a time or as a batch, with every revision kept. */
export const values = {
  list: defineOperation({
    method: "GET",
    path: "/api/v1/years/{year}/values",
    summary: "One row per metric for the year",
    permission: "read",
    params: yearParams,
    response: z.object({ year: z.number().int(), values: z.array(valueBody) }),
    errors: [400, 404],
    handler: async ({ db, params }) => {
      if (!(await findYear(db, params.year))) throw notFound(`The year ${params.year}`);
      return { year: params.year, values: (await listYearValues(db, params.year)).map(toValueBody) };
    },
  }),

  // The body is parsed inside saveValue with the metric's own schema (its unit and bounds).
  save: defineOperation({
    method: "PUT",
    path: "/api/v1/years/{year}/values/{metricKey}",
    summary:
      'Save one value. `value` may be a number or what people type ("76,000", "$203M", "43%"); omitted fields keep their current text, null clears them. Send the `version` you read: a stale one gets 409 with `current`.',
    permission: "values:write",
    params: yearMetricParams,
    body: z.unknown(),
    documentedBody: valueSave,
    response: valueBody,
    errors: [400, 404, 409, 422, 423],
    handler: ({ db, params, body, actor, ip }) => saveValue(db, params.year, params.metricKey, body, actor, { ip }),
  }),

  // Each row's own fields are parsed inside saveValues with its metric's schema, as the single save does.
  saveMany: defineOperation({
    method: "PUT",
    path: "/api/v1/years/{year}/values",
    summary: `Save several values of the year at once (at most ${MAX_BATCH_VALUES}, each metric once), all or nothing: each row is a single save's body with its \`metricKey\`, under the same rules. If any row is refused nothing is written and \`rows\` names every refused row: 422 when any is invalid or names no metric, else 409 (each stale row's \`current\`).`,
    permission: "values:write",
    params: yearParams,
    body: valueBatchSchema,
    documentedBody: z.object({
      values: z
        .array(valueSave.extend({ metricKey: metricKeyParam }))
        .min(1)
        .max(MAX_BATCH_VALUES),
    }),
    response: z.object({ year: z.number().int(), values: z.array(valueBody).describe("The saved rows, in the order sent") }),
    errors: [400, 404, 409, 422, 423],
    errorBodies: { 409: valueBatchErrorBody, 422: valueBatchErrorBody },
    handler: async ({ db, params, body, actor, ip }) => ({ year: params.year, values: await saveValues(db, params.year, body.values, actor, { ip }) }),
  }),

  /**
   * Without `limit` or `before`, every revision (the contract), read and sent a page at a time;
   * with them, one page and the `nextBefore` of the next.
   */
  history: defineOperation({
    method: "GET",
    path: "/api/v1/years/{year}/values/{metricKey}/history",
    summary:
      "Every revision of a value, newest first. With `limit` (at most 500) or `before`, one page of them instead; `before` = `nextBefore` of the previous page, which is null on the last page and always null without `limit` and `before`.",
    permission: "read",
    params: yearMetricParams,
    query: historyQuery,
    response: historyBody,
    errors: [400, 404],
    handler: async ({ db, params, query }) => {
      const missing = () => notFound(`A value of “${params.metricKey}” in ${params.year}`);
      const head = { year: params.year, metricKey: params.metricKey };
      if (query.limit === undefined && query.before === undefined) {
        const pages = await readEveryRevision(db, params.year, params.metricKey);
        if (!pages) throw missing();
        return streamedJson(head, "revisions", pages, { nextBefore: null }, { headers: { "Cache-Control": "no-store" } });
      }
      const page = await listValueHistory(db, params.year, params.metricKey, query);
      if (!page) throw missing();
      return { ...head, ...page };
    },
  }),
};
