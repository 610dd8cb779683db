import "server-only";
import { z } from "zod";
import { lockYear, openYear, returnYear, submitYear, unlockYear } from "@/db/commands/years";
import { listYearChecks } from "@/db/queries/checks";
import { findYear, listYears } from "@/db/queries/years";
import { notFound } from "@/lib/errors";
import { checksBody, lockBody, lockRefusedBody, yearBody, yearStepBody } from "@/lib/validation/api";
import { yearParams } from "@/lib/validation/params";
import { lockYearSchema, openYearSchema, returnYearSchema, unlockYearSchema } from "@/lib/validation/year";
import { toYearBody } from "@/server/api/serialize";
import { defineOperation } from "@/server/operation";

/** Reporting years and their workflow: open → in review → locked (and back). */
export const years = {
  list: defineOperation({
    method: "GET",
    path: "/api/v1/years",
    summary: "Reporting years",
    permission: "read",
    response: z.object({ years: z.array(yearBody) }),
    handler: async ({ db }) => ({ years: (await listYears(db)).map(toYearBody) }),
  }),

  open: defineOperation({
    method: "POST",
    path: "/api/v1/years",
    summary: "Open a reporting year",
    permission: "years:open",
    body: openYearSchema,
    response: yearBody.pick({ year: true, status: true }),
    successStatus: 201,
    errors: [400, 409, 422],
    handler: ({ db, body, actor, ip }) => openYear(db, body.year, actor, ip, { copyFrom: body.copyFrom, quoteIds: body.quoteIds }),
  }),

  checks: defineOperation({
    method: "GET",
    path: "/api/v1/years/{year}/checks",
    summary:
      "Every check of the year, errors first: `rule` (a validation rule fails), `range` (outside `warnMin`/`warnMax`), `outlier` (changed by more than `warnChangePct`, default 50, against the previous year with a value, unless a series break lies between), `missing`, `text`, `comment` (unresolved)",
    permission: "read",
    params: yearParams,
    response: checksBody,
    errors: [400, 404],
    handler: async ({ db, params }) => {
      if (!(await findYear(db, params.year))) throw notFound(`The year ${params.year}`);
      return { year: params.year, checks: await listYearChecks(db, params.year) };
    },
  }),

  // No body is a plain lock, as in version 1.0; `{"overrideReason"}` signs off despite failing error checks.
  lock: defineOperation({
    method: "POST",
    path: "/api/v1/years/{year}/lock",
    summary:
      "Lock a year (from `open` or `in_review`) and record a snapshot. Body optional. While an `error` check fails: 422 `checks_failed` with those `checks`, nothing changed; with `overrideReason` (at least 10 characters) it locks anyway, and the reason and failing checks go to the audit log and the snapshot (`signOff`).",
    permission: "years:lock",
    params: yearParams,
    body: lockYearSchema,
    bodyOptional: true,
    response: lockBody,
    errors: [404, 409, 422],
    errorBodies: { 422: lockRefusedBody },
    handler: ({ db, params, body, actor, ip }) => lockYear(db, params.year, actor, ip, { overrideReason: body.overrideReason }),
  }),

  unlock: defineOperation({
    method: "POST",
    path: "/api/v1/years/{year}/unlock",
    summary: "Unlock a year, with a reason",
    permission: "years:unlock",
    params: yearParams,
    body: unlockYearSchema,
    response: yearBody.pick({ year: true, status: true }),
    errors: [404, 409, 422],
    handler: ({ db, params, body, actor, ip }) => unlockYear(db, params.year, body.reason, actor, ip),
  }),

  submit: defineOperation({
    method: "POST",
    path: "/api/v1/years/{year}/submit",
    summary: "Submit a year for review: `open` → `in_review` (values stay editable); clears the last return message",
    permission: "years:submit",
    params: yearParams,
    response: yearStepBody,
    errors: [404, 409, 423],
    handler: ({ db, params, actor, ip }) => submitYear(db, params.year, actor, ip),
  }),

  return: defineOperation({
    method: "POST",
    path: "/api/v1/years/{year}/return",
    summary: "Return a year to the editors with a message: `in_review` → `open`; the message shows on the year page until the next submit",
    permission: "years:return",
    params: yearParams,
    body: returnYearSchema,
    response: yearStepBody,
    errors: [404, 409, 422, 423],
    handler: ({ db, params, body, actor, ip }) => returnYear(db, params.year, body.message, actor, ip),
  }),
};
