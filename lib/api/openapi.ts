import { z } from "zod";
import { rolesFor, type Permission } from "@/lib/auth/permissions";
import { historyQuery } from "@/lib/validation/history";
import { idParams, metricKeyParam, yearParam } from "@/lib/validation/params";
import { blockListQuery, createBlockSchema, deleteBlockSchema, setTieSchema, updateBlockSchema, writtenNumbersQuery } from "@/lib/validation/block";
import { createQuoteSchema, deleteQuoteSchema, updateQuoteSchema } from "@/lib/validation/quote";
import { valueSaveSchema } from "@/lib/validation/value";
import { MAX_BATCH_VALUES } from "@/lib/validation/value-batch";
import { lockYearSchema, openYearSchema, returnYearSchema, unlockYearSchema } from "@/lib/validation/year";
import { commentSchema } from "@/lib/validation/comment";
import { createRuleSchema, ruleKeyParams, rulePreviewSchema, updateRuleSchema } from "@/lib/validation/rule";
import {
  auditPageBody, blockBody, blockHistoryBody, checksBody, commentBody, compareBody, errorBody, healthBody, historyBody, importErrorBody, importResultBody, lockBody,
  lockRefusedBody, metricBody, metricBreakBody, metricDetailBody, quoteBody, quoteHistoryBody, ruleBody, rulePreviewBody, snapshotBody, snapshotListBody, tokenBody, userBody, valueBatchErrorBody, valueBody,
  writtenNumberBody, yearBody, yearStepBody,
} from "@/lib/validation/api";
import { auditQuery } from "@/lib/validation/audit";
import { briefQuery, compareQuery } from "@/lib/validation/compare";
import { createMetricSchema, metricBreakSchema, updateMetricSchema } from "@/lib/validation/metric";
import { signOffSchema, yearContentSchema } from "@/lib/snapshot/content";
import { allYearsExportQuery, exportQuery } from "@/lib/validation/export";
import { importQuery } from "@/lib/validation/import";
import { createSnapshotSchema, snapshotListQuery } from "@/lib/validation/snapshot";
import { createTokenSchema } from "@/lib/validation/token";
import { createUserSchema, updateUserSchema } from "@/lib/validation/user";

/**
 * The API's operations, described with the zod schemas the handlers parse and answer with.
 * A new route adds one entry here; the document at /api/v1/openapi.json follows.
 */
export type Operation = {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  permission: Permission | "public";
  params?: Record<string, z.ZodType>;
  query?: Record<string, z.ZodType>;
  body?: z.ZodType;
  /** The body may be left out altogether (a plain lock). */
  bodyOptional?: boolean;
  /** Content types of the request body; all share `body`'s schema. */
  bodyTypes?: string[];
  response: z.ZodType;
  /** Content types of the 200 answer; all share `response`'s schema. */
  responseTypes?: string[];
  /** Status of success when not 200 (e.g. 201 Created). */
  successStatus?: number;
  errors?: number[];
  /** Error bodies richer than the common one, by status (an import's row errors). */
  errorBodies?: Record<number, z.ZodType>;
};

const year = { year: yearParam };
const yearMetric = { year: yearParam, metricKey: metricKeyParam };
// The server parses a value with its metric's own rules (unit, min, max); the shape is the same for all.
const valueSave = valueSaveSchema({ unit: "count", min: null, max: null });
const DOWNLOAD_TYPES = [
  "text/csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/json",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];
const exportFormat =
  "`format=csv` (the CSV columns of the contract), `xlsx` (Figures, Quotes and About sheets), `json` (docs/export-format.md) or `docx` (the chapter as a Word document: headings, paragraphs with live figures filled in, figures as printed, quotes, captions with credits, operations; a year not locked is marked Draft with its missing figures); a download with `Content-Disposition: attachment`.";
// A file download or upload: the schema says "a file", the content types say which kinds.
const file = z.string().meta({ format: "binary" });

export const operations: Operation[] = [
  { method: "get", path: "/api/health", summary: "Health of the server and its database", permission: "public", response: healthBody, errors: [503] },
  { method: "get", path: "/api/v1/metrics", summary: "Metric definitions", permission: "read", response: z.object({ metrics: z.array(metricBody) }) },
  { method: "post", path: "/api/v1/metrics", summary: "Create a metric definition (placed after the last of its section)", permission: "metrics:manage", body: createMetricSchema, response: metricBody, errors: [409, 422] },
  {
    method: "put",
    path: "/api/v1/metrics/{key}",
    summary: "Change a metric definition or archive it (`archived`); omitted fields keep their value. The key never changes, and the unit only while no year holds a value (else 422 with `fields.unit`).",
    permission: "metrics:manage",
    params: { key: metricKeyParam },
    body: updateMetricSchema,
    response: metricBody,
    errors: [404, 422],
  },
  { method: "get", path: "/api/v1/metrics/{key}", summary: "One metric definition with its series `breaks`", permission: "read", params: { key: metricKeyParam }, response: metricDetailBody, errors: [404] },
  {
    method: "post",
    path: "/api/v1/metrics/{key}/breaks",
    summary: "Record that the metric's definition changed from `year` on, with a note; comparisons across it show the note instead of good or bad news",
    permission: "metrics:manage",
    params: { key: metricKeyParam },
    body: metricBreakSchema,
    response: metricBreakBody,
    successStatus: 201,
    errors: [404, 409, 422],
  },
  { method: "get", path: "/api/v1/years", summary: "Reporting years", permission: "read", response: z.object({ years: z.array(yearBody) }) },
  {
    method: "get",
    path: "/api/v1/years/{year}/values",
    summary: "One row per metric for the year",
    permission: "read",
    params: year,
    response: z.object({ year: z.number().int(), values: z.array(valueBody) }),
    errors: [400, 404],
  },
  {
    method: "get",
    path: "/api/v1/years/{year}/quotes",
    summary: "The year's quotes",
    permission: "read",
    params: year,
    response: z.object({ year: z.number().int(), quotes: z.array(quoteBody) }),
    errors: [400, 404],
  },
  { method: "post", path: "/api/v1/years", summary: "Open a reporting year", permission: "years:open", body: openYearSchema, response: yearBody.pick({ year: true, status: true }), errors: [400, 409, 422] },
  {
    method: "put",
    path: "/api/v1/years/{year}/values/{metricKey}",
    summary: "Save one value. `value` may be a number or what people type (\"76,000\", \"$203M\", \"43%\"); omitted fields keep their current text, null clears them. Send the `version` you read: a stale one gets 409 with `current`.",
    permission: "values:write",
    params: yearMetric,
    body: valueSave,
    response: valueBody,
    errors: [400, 404, 409, 422, 423],
  },
  {
    method: "put",
    path: "/api/v1/years/{year}/values",
    summary: `Save several values of the year at once (at most ${MAX_BATCH_VALUES}, each metric once), all or nothing: each row is a single save's body with its \`metricKey\`, under the same rules. If any row is refused nothing is written and \`rows\` names every refused row: 422 when any is invalid or names no metric, else 409 (each stale row's \`current\`).`,
    permission: "values:write",
    params: year,
    body: z.object({ values: z.array(valueSave.extend({ metricKey: metricKeyParam })).min(1).max(MAX_BATCH_VALUES) }),
    response: z.object({ year: z.number().int(), values: z.array(valueBody).describe("The saved rows, in the order sent") }),
    errors: [400, 404, 409, 422, 423],
    errorBodies: { 409: valueBatchErrorBody, 422: valueBatchErrorBody },
  },
  {
    method: "get",
    path: "/api/v1/years/{year}/values/{metricKey}/history",
    summary:
      "Every revision of a value, newest first. With `limit` (at most 500) or `before`, one page of them instead; `before` = `nextBefore` of the previous page, which is null on the last page and always null without `limit` and `before`.",
    permission: "read",
    params: yearMetric,
    query: historyQuery.shape,
    response: historyBody,
    errors: [400, 404],
  },
  {
    method: "get",
    path: "/api/v1/compare",
    summary: "Two years side by side: per metric `from`, `to`, `delta`, `deltaPct` (null where `from` is null or 0), and the quotes added, removed and changed (word by word). `format=csv` downloads the metric table as CSV instead.",
    permission: "read",
    query: compareQuery.shape,
    response: compareBody,
    errors: [400, 404],
  },
  {
    method: "get",
    path: "/api/v1/compare/brief",
    summary:
      "“Changes since the last edition” from `from` to `to`, as Markdown (`format=md`, the default) or Word (`format=docx`): every figure that changed (old → new, change, wording, series break, source), figures that appeared or disappeared, quotes added, removed and changed (word by word), and the unresolved checks of `to`. A download.",
    permission: "read",
    query: briefQuery.shape,
    response: file,
    responseTypes: ["text/markdown", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    errors: [400, 404],
  },
  {
    method: "post",
    path: "/api/v1/years/{year}/lock",
    summary:
      "Lock a year (from `open` or `in_review`) and record a snapshot. Body optional. While an `error` check fails: 422 `checks_failed` with those `checks`, nothing changed; with `overrideReason` (at least 10 characters) it locks anyway, and the reason and failing checks go to the audit log and the snapshot (`signOff`).",
    permission: "years:lock",
    params: year,
    body: lockYearSchema,
    bodyOptional: true,
    response: lockBody,
    errors: [404, 409, 422],
    errorBodies: { 422: lockRefusedBody },
  },
  { method: "post", path: "/api/v1/years/{year}/submit", summary: "Submit a year for review: `open` → `in_review` (values stay editable); clears the last return message", permission: "years:submit", params: year, response: yearStepBody, errors: [404, 409, 423] },
  { method: "post", path: "/api/v1/years/{year}/return", summary: "Return a year to the editors with a message: `in_review` → `open`; the message shows on the year page until the next submit", permission: "years:return", params: year, body: returnYearSchema, response: yearStepBody, errors: [404, 409, 422, 423] },
  {
    method: "get",
    path: "/api/v1/years/{year}/checks",
    summary: "Every check of the year, errors first: `rule` (a validation rule fails), `range` (outside `warnMin`/`warnMax`), `outlier` (changed by more than `warnChangePct`, default 50, against the previous year with a value, unless a series break lies between), `missing`, `text`, `comment` (unresolved)",
    permission: "read",
    params: year,
    response: checksBody,
    errors: [400, 404],
  },
  { method: "get", path: "/api/v1/rules", summary: "Validation rules", permission: "read", response: z.object({ rules: z.array(ruleBody) }) },
  {
    method: "post",
    path: "/api/v1/rules",
    summary: "Add a validation rule: a filtrex expression over the year's figures by metric key (arithmetic, comparisons, `and`/`or`, `abs`, `round`, `min`, `max`). 422 when it does not parse or names an unknown metric (`fields.expression`). Skipped in a year where one of its figures has no value.",
    permission: "rules:manage",
    body: createRuleSchema,
    response: ruleBody,
    successStatus: 201,
    errors: [409, 422],
  },
  { method: "get", path: "/api/v1/rules/{key}", summary: "One validation rule", permission: "read", params: { key: ruleKeyParams.shape.key }, response: ruleBody, errors: [404] },
  { method: "put", path: "/api/v1/rules/{key}", summary: "Change a rule's expression, severity or message; omitted fields keep their value", permission: "rules:manage", params: { key: ruleKeyParams.shape.key }, body: updateRuleSchema, response: ruleBody, errors: [404, 422] },
  { method: "delete", path: "/api/v1/rules/{key}", summary: "Delete a rule", permission: "rules:manage", params: { key: ruleKeyParams.shape.key }, response: z.object({ key: z.string(), deleted: z.literal(true) }), errors: [404] },
  { method: "post", path: "/api/v1/rule-preview", summary: "What an expression would say of every reporting year (pass, fail, or skipped for missing figures), without saving it", permission: "rules:manage", body: rulePreviewSchema, response: rulePreviewBody, errors: [422] },
  {
    method: "get",
    path: "/api/v1/years/{year}/values/{metricKey}/comments",
    summary: "The comments on one value, oldest first",
    permission: "read",
    params: yearMetric,
    response: z.object({ year: z.number().int(), metricKey: z.string(), comments: z.array(commentBody) }),
    errors: [400, 404],
  },
  { method: "post", path: "/api/v1/years/{year}/values/{metricKey}/comments", summary: "Comment on a value (plain text, at most 2,000 characters); refused on a locked year", permission: "comments:write", params: yearMetric, body: commentSchema, response: commentBody, successStatus: 201, errors: [400, 404, 422, 423] },
  { method: "post", path: "/api/v1/comments/{id}/resolve", summary: "Resolve a comment", permission: "comments:resolve", params: idParams.shape, response: commentBody, errors: [404, 409, 423] },
  { method: "post", path: "/api/v1/comments/{id}/reopen", summary: "Reopen a resolved comment", permission: "comments:write", params: idParams.shape, response: commentBody, errors: [404, 409, 423] },
  { method: "post", path: "/api/v1/years/{year}/unlock", summary: "Unlock a year, with a reason", permission: "years:unlock", params: year, body: unlockYearSchema, response: yearBody.pick({ year: true, status: true }), errors: [404, 409, 422] },
  { method: "post", path: "/api/v1/years/{year}/quotes", summary: "Add a quote", permission: "values:write", params: year, body: createQuoteSchema, response: quoteBody, errors: [404, 422, 423] },
  { method: "put", path: "/api/v1/quotes/{id}", summary: "Change a quote (send its `version`)", permission: "values:write", params: idParams.shape, body: updateQuoteSchema, response: quoteBody, errors: [404, 409, 422, 423] },
  { method: "delete", path: "/api/v1/quotes/{id}", summary: "Delete a quote (its revisions stay)", permission: "values:write", params: idParams.shape, body: deleteQuoteSchema, response: z.object({ id: z.number().int(), deleted: z.literal(true) }), errors: [404, 409, 423] },
  {
    method: "get",
    path: "/api/v1/quotes/{id}/history",
    summary: "Every revision of a quote (a deleted one too), newest first, with who, when, why and which fields each changed",
    permission: "read",
    params: idParams.shape,
    response: quoteHistoryBody,
    errors: [404],
  },
  {
    method: "get",
    path: "/api/v1/years/{year}/blocks",
    summary: "The chapter's text blocks of the year in chapter order (section, then position), each with `rendered` (live figures printed) and its written `numbers`; `section` narrows to one section",
    permission: "read",
    params: year,
    query: blockListQuery.shape,
    response: z.object({ year: z.number().int(), blocks: z.array(blockBody) }),
    errors: [400, 404],
  },
  {
    method: "post",
    path: "/api/v1/years/{year}/blocks",
    summary: "Add a text block at `position` of its section (default: the end); later blocks move down. `{{metric_key}}` is a live figure: an unknown key gets 422 naming it. Written numbers that state a figure are tied to it.",
    permission: "values:write",
    params: year,
    body: createBlockSchema,
    response: blockBody,
    successStatus: 201,
    errors: [404, 422, 423],
  },
  { method: "get", path: "/api/v1/blocks/{id}", summary: "One text block, rendered", permission: "read", params: idParams.shape, response: blockBody, errors: [404] },
  {
    method: "put",
    path: "/api/v1/blocks/{id}",
    summary: "Change a text block (send its `version`: a stale one gets 409 with `current`); omitted fields keep their value. A new `position` or `section` moves it, in one transaction with the blocks around it.",
    permission: "values:write",
    params: idParams.shape,
    body: updateBlockSchema,
    response: blockBody,
    errors: [404, 409, 422, 423],
  },
  { method: "delete", path: "/api/v1/blocks/{id}", summary: "Delete a text block (its revisions stay)", permission: "values:write", params: idParams.shape, body: deleteBlockSchema, response: z.object({ id: z.number().int(), deleted: z.literal(true) }), errors: [404, 409, 423] },
  { method: "get", path: "/api/v1/blocks/{id}/history", summary: "Every revision of a text block, newest first, with who, when and why", permission: "read", params: idParams.shape, response: blockHistoryBody, errors: [404] },
  {
    method: "get",
    path: "/api/v1/years/{year}/numbers",
    summary: "Every number written in the year's blocks and quotes: tied to a figure (and whether it still states it), untied, or not a figure; `status` narrows the list",
    permission: "read",
    params: year,
    query: writtenNumbersQuery.shape,
    response: z.object({ year: z.number().int(), numbers: z.array(writtenNumberBody.extend({ blockId: z.number().int().nullable(), quoteId: z.number().int().nullable() })) }),
    errors: [400, 404],
  },
  {
    method: "put",
    path: "/api/v1/numbers/{id}",
    summary: "Decide what a written number is: `{\"metricKey\"}` ties it to that figure by hand, `{\"metricKey\": null}` unties it, `{\"notFigure\": true}` marks it as not a figure (a year, “Article 99”)",
    permission: "values:write",
    params: idParams.shape,
    body: setTieSchema,
    response: z.object({ id: z.number().int(), metricKey: z.string().nullable(), notFigure: z.boolean(), byHand: z.boolean() }),
    errors: [404, 422, 423],
  },
  {
    method: "get",
    path: "/api/v1/years/{year}/export",
    summary: `Download the year's figures and quotes. ${exportFormat}`,
    permission: "read",
    params: year,
    query: exportQuery.shape,
    response: file,
    responseTypes: DOWNLOAD_TYPES,
    errors: [400, 404],
  },
  {
    method: "get",
    path: "/api/v1/export",
    summary: "Download every year at once: CSV in long format (the same columns, all years) or one workbook with a sheet per year",
    permission: "read",
    query: allYearsExportQuery.shape,
    response: file,
    responseTypes: DOWNLOAD_TYPES.slice(0, 2),
    errors: [400],
  },
  {
    method: "post",
    path: "/api/v1/years/{year}/import",
    summary:
      "Import figures from a CSV (or the first sheet of an .xlsx) into an open year: all rows or none, one revision per changed row with the reason `import: <filename>` (from `?filename=` or Content-Disposition). Unchanged rows are skipped. At most 5 MB (413) and 20,000 rows. `?dryRun=1` answers with `changes` and writes nothing. Errors: 422 with `rows: [{row, column, message}]`.",
    permission: "values:write",
    params: year,
    query: importQuery.shape,
    body: file,
    bodyTypes: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    response: importResultBody,
    errors: [400, 404, 413, 415, 422, 423],
    errorBodies: { 422: importErrorBody },
  },
  {
    method: "get",
    path: "/api/v1/years/{year}/snapshots",
    summary: "The year's snapshots, newest first, a page at a time (`before` = `nextBefore` of the previous page)",
    permission: "read",
    params: year,
    query: snapshotListQuery.shape,
    response: snapshotListBody,
    errors: [400, 404],
  },
  {
    method: "post",
    path: "/api/v1/years/{year}/snapshots",
    summary: "Take a snapshot of the year now: its canonical JSON and sha256, never changed afterwards. The body (a `reason`) is optional.",
    permission: "snapshots:create",
    params: year,
    body: createSnapshotSchema,
    bodyOptional: true,
    response: snapshotBody,
    successStatus: 201,
    errors: [400, 404, 422],
  },
  {
    method: "get",
    path: "/api/v1/snapshots/{id}",
    summary: "One snapshot with its content (the canonical year content whose sha256 it records)",
    permission: "read",
    params: idParams.shape,
    response: snapshotBody.extend({ content: yearContentSchema, signOff: signOffSchema.nullable().describe("Set when the lock that took it overrode failing error checks") }),
    errors: [400, 404],
  },
  {
    method: "get",
    path: "/api/v1/snapshots/{id}/export",
    summary: `Download a snapshot, built from its frozen content only. ${exportFormat}`,
    permission: "read",
    params: idParams.shape,
    query: exportQuery.shape,
    response: file,
    responseTypes: DOWNLOAD_TYPES,
    errors: [400, 404],
  },
  { method: "get", path: "/api/v1/users", summary: "People with access", permission: "users:manage", response: z.object({ users: z.array(userBody) }) },
  { method: "post", path: "/api/v1/users", summary: "Create a user with a role", permission: "users:manage", body: createUserSchema, response: userBody, errors: [409, 422] },
  {
    method: "patch",
    path: "/api/v1/users/{id}",
    summary: "Change a person's role, deactivate or reactivate them (`active`), or reset their password; each stops their open sessions. Your own role and active state, and the last active admin, are refused.",
    permission: "users:manage",
    params: idParams.shape,
    body: updateUserSchema,
    response: userBody,
    errors: [404, 409, 422],
  },
  {
    method: "get",
    path: "/api/v1/audit",
    summary: "The audit log, newest first, 50 entries a page. Filters: `person` (user id), `year`, `metric`, `action`. Pass `older` as `before` for the next page, `newer` as `after` for the previous one.",
    permission: "audit:read",
    query: auditQuery.shape,
    response: auditPageBody,
    errors: [400],
  },
  { method: "get", path: "/api/v1/me/tokens", summary: "Your unrevoked API tokens, expired ones marked (never the tokens themselves)", permission: "self:manage", response: z.object({ tokens: z.array(tokenBody) }) },
  { method: "post", path: "/api/v1/me/tokens", summary: "Create an API token (expiresInDays: default 90, null for never); the answer is the only time it is shown", permission: "self:manage", body: createTokenSchema, response: z.object({ id: z.number().int(), token: z.string(), prefix: z.string(), expiresAt: z.string().nullable() }), errors: [422] },
  { method: "delete", path: "/api/v1/me/tokens", summary: "Revoke every one of your API tokens", permission: "self:manage", response: z.object({ revoked: z.number().int() }) },
  { method: "delete", path: "/api/v1/me/tokens/{id}", summary: "Revoke one of your API tokens", permission: "self:manage", params: idParams.shape, response: z.object({ id: z.number().int(), revoked: z.literal(true) }), errors: [404] },
];

const STATUS_TEXT: Record<number, string> = {
  400: "Malformed request",
  401: "Not signed in and no API token",
  403: "The role may not do this, or a cross-origin cookie write",
  404: "Not found",
  409: "Conflict: stale version or already exists; the body holds the current row",
  413: "Too large",
  415: "Unsupported media type",
  422: "Invalid input: `fields` says which and why",
  423: "The year is locked",
  503: "The database cannot be reached",
};

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: "openapi-3.0", io: "output", unrepresentable: "any" });

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const errors = op.permission === "public" ? (op.errors ?? []) : [401, 403, ...(op.errors ?? [])];
    const content = (types: string[] | undefined, s: z.ZodType) =>
      Object.fromEntries((types ?? ["application/json"]).map((t) => [t, { schema: schema(s) }]));
    const responses: Record<string, unknown> = {
      [String(op.successStatus ?? 200)]: { description: op.successStatus === 201 ? "Created" : "OK", content: content(op.responseTypes, op.response) },
    };
    for (const status of [...new Set(errors)].sort()) {
      responses[String(status)] = { description: STATUS_TEXT[status] ?? "Error", content: { "application/json": { schema: schema(op.errorBodies?.[status] ?? errorBody) } } };
    }
    const parameters = [
      ...Object.entries(op.params ?? {}).map(([name, s]) => ({ name, in: "path", required: true, schema: schema(s) })),
      ...Object.entries(op.query ?? {}).map(([name, s]) => ({ name, in: "query", required: !s.safeParse(undefined).success, schema: schema(s) })),
    ];
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      description: op.permission === "public" ? "No authentication." : `Roles: ${rolesFor(op.permission).join(", ")}.`,
      ...(op.permission === "public" ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: !op.bodyOptional, content: content(op.bodyTypes, op.body) } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.0.3",
    info: { title: "Report Desk API", version: "1", description: "Figures and quotes of the annual report on peace and security." },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token from `npm run cli -- token:create` or the account page" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}
