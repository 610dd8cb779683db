import "server-only";
import { z } from "zod";
import { createBlock, deleteBlock, updateBlock } from "@/db/commands/blocks";
import { setTie } from "@/db/commands/number-ties";
import { findBlock, listBlockHistory, listYearBlocks } from "@/db/queries/blocks";
import { listYearWrittenNumbers } from "@/db/queries/written-numbers";
import { findYear } from "@/db/queries/years";
import { notFound } from "@/lib/errors";
import { blockBody, blockHistoryBody, writtenNumberBody } from "@/lib/validation/api";
import { blockListQuery, createBlockSchema, deleteBlockSchema, setTieSchema, updateBlockSchema, writtenNumbersQuery } from "@/lib/validation/block";
import { idParams, yearParams } from "@/lib/validation/params";
import { toBlockBody } from "@/server/api/serialize";
import { defineOperation } from "@/server/operation";

/** The chapter's text: blocks with live figures, and the numbers written in them. */
export const text = {
  list: defineOperation({
    method: "GET",
    path: "/api/v1/years/{year}/blocks",
    summary:
      "The chapter's text blocks of the year in chapter order (section, then position), each with `rendered` (live figures printed) and its written `numbers`; `section` narrows to one section",
    permission: "read",
    params: yearParams,
    query: blockListQuery,
    response: z.object({ year: z.number().int(), blocks: z.array(blockBody) }),
    errors: [400, 404],
    handler: async ({ db, params, query }) => {
      if (!(await findYear(db, params.year))) throw notFound(`The year ${params.year}`);
      const blocks = await listYearBlocks(db, params.year, { section: query.section });
      return { year: params.year, blocks: blocks.map(toBlockBody) };
    },
  }),

  create: defineOperation({
    method: "POST",
    path: "/api/v1/years/{year}/blocks",
    summary:
      "Add a text block at `position` of its section (default: the end); later blocks move down. `{{metric_key}}` is a live figure: an unknown key gets 422 naming it. Written numbers that state a figure are tied to it.",
    permission: "values:write",
    params: yearParams,
    body: createBlockSchema,
    response: blockBody,
    successStatus: 201,
    errors: [404, 422, 423],
    handler: async ({ db, params, body, actor }) => toBlockBody(await createBlock(db, params.year, body, actor)),
  }),

  get: defineOperation({
    method: "GET",
    path: "/api/v1/blocks/{id}",
    summary: "One text block, rendered",
    permission: "read",
    params: idParams,
    response: blockBody,
    errors: [404],
    handler: async ({ db, params }) => {
      const block = await findBlock(db, params.id);
      if (!block) throw notFound(`Text block ${params.id}`);
      return toBlockBody(block);
    },
  }),

  update: defineOperation({
    method: "PUT",
    path: "/api/v1/blocks/{id}",
    summary:
      "Change a text block (send its `version`: a stale one gets 409 with `current`); omitted fields keep their value. A new `position` or `section` moves it, in one transaction with the blocks around it.",
    permission: "values:write",
    params: idParams,
    body: updateBlockSchema,
    response: blockBody,
    errors: [404, 409, 422, 423],
    handler: async ({ db, params, body, actor }) => toBlockBody(await updateBlock(db, params.id, body, actor)),
  }),

  // A DELETE may carry `{"version"}` to guard against deleting a block someone just changed.
  delete: defineOperation({
    method: "DELETE",
    path: "/api/v1/blocks/{id}",
    summary: "Delete a text block (its revisions stay)",
    permission: "values:write",
    params: idParams,
    body: deleteBlockSchema,
    bodyOptional: true,
    response: z.object({ id: z.number().int(), deleted: z.literal(true) }),
    errors: [404, 409, 423],
    handler: ({ db, params, body, actor }) => deleteBlock(db, params.id, body, actor),
  }),

  history: defineOperation({
    method: "GET",
    path: "/api/v1/blocks/{id}/history",
    summary: "Every revision of a text block, newest first, with who, when and why",
    permission: "read",
    params: idParams,
    response: blockHistoryBody,
    errors: [404],
    handler: async ({ db, params }) => {
      const history = await listBlockHistory(db, params.id);
      if (!history) throw notFound(`Text block ${params.id}`);
      return history;
    },
  }),

  numbers: defineOperation({
    method: "GET",
    path: "/api/v1/years/{year}/numbers",
    summary:
      "Every number written in the year's blocks and quotes: tied to a figure (and whether it still states it), untied, or not a figure; `status` narrows the list",
    permission: "read",
    params: yearParams,
    query: writtenNumbersQuery,
    response: z.object({
      year: z.number().int(),
      numbers: z.array(writtenNumberBody.extend({ blockId: z.number().int().nullable(), quoteId: z.number().int().nullable() })),
    }),
    errors: [400, 404],
    handler: async ({ db, params, query }) => {
      if (!(await findYear(db, params.year))) throw notFound(`The year ${params.year}`);
      return { year: params.year, numbers: await listYearWrittenNumbers(db, params.year, query) };
    },
  }),

  /** An author's decision on one written number: `{"metricKey"}` ties it, `{"metricKey": null}` unties it, `{"notFigure": true}` sets it aside. */
  setTie: defineOperation({
    method: "PUT",
    path: "/api/v1/numbers/{id}",
    summary:
      'Decide what a written number is: `{"metricKey"}` ties it to that figure by hand, `{"metricKey": null}` unties it, `{"notFigure": true}` marks it as not a figure (a year, “Article 99”)',
    permission: "values:write",
    params: idParams,
    body: setTieSchema,
    response: z.object({ id: z.number().int(), metricKey: z.string().nullable(), notFigure: z.boolean(), byHand: z.boolean() }),
    errors: [404, 422, 423],
    handler: async ({ db, params, body, actor }) => {
      const tie = await setTie(db, params.id, body, actor);
      return { id: tie.id, metricKey: body.notFigure ? null : body.metricKey, notFigure: tie.notFigure, byHand: tie.byHand };
    },
  }),
};
