import { z } from "zod";
import { checkSchema } from "@/lib/checks/schema";
import { BLOCK_KINDS, DIRECTIONS, QUALIFIERS, ROLES, SEVERITIES, UNITS, YEAR_STATUSES } from "@/lib/domain";

/**
 * Shapes of the JSON API's answers. The handlers build these objects and the OpenAPI document
 * is generated from the same schemas, so the document cannot drift from what is served.
 */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: "Error" });

/** Printed wording and structured provenance of a value (lib/validation/provenance.ts); null when unset. */
const provenanceBody = {
  wording: z.string().nullable().describe("The report's own hedge words printed with the figure, e.g. “more than” or “+”"),
  sourceProducer: z.string().nullable(),
  sourceTitle: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  sourcePublished: z.string().nullable().describe("Date published, YYYY-MM-DD"),
  sourceAccessed: z.string().nullable().describe("Date accessed, YYYY-MM-DD"),
  sourcePhrase: z.string().nullable().describe("The exact words of the source that state the figure"),
};

export const healthBody = z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }).meta({ id: "Health" });

export const metricBody = z
  .object({
    key: z.string(),
    label: z.string(),
    section: z.string(),
    unit: z.enum(UNITS),
    direction: z.enum(DIRECTIONS),
    description: z.string().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    warnMin: z.number().nullable().describe("Soft minimum: a value below it is a `range` warning, never refused"),
    warnMax: z.number().nullable().describe("Soft maximum: a value above it is a `range` warning, never refused"),
    warnChangePct: z.number().nullable().describe("Largest usual change against the previous year with a value, in % (null: 50)"),
    archived: z.boolean(),
  })
  .meta({ id: "Metric" });

export const yearBody = z
  .object({
    year: z.number().int(),
    status: z.enum(YEAR_STATUSES),
    lockedAt: z.string().nullable(),
    valueCount: z.number().int(),
    returnMessage: z.string().nullable().describe("The reviewer's message when the year was last returned; cleared by the next submit"),
  })
  .meta({ id: "ReportingYear" });

export const valueBody = z
  .object({
    metricKey: z.string(),
    value: z.number().nullable(),
    qualifier: z.enum(QUALIFIERS).nullable(),
    note: z.string().nullable(),
    source: z.string().nullable(),
    ...provenanceBody,
    version: z.number().int(),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: "Value" });

export const quoteBody = z
  .object({
    id: z.number().int(),
    speaker: z.string(),
    title: z.string(),
    section: z.string(),
    text: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Quote" });

/** The quotes of every earlier year (newest first), and the speakers quoted in more than one of them; null when there are none. */
export const earlierQuotesBody = z
  .object({
    years: z.array(z.object({ year: z.number().int(), quotes: z.array(quoteBody) })),
    recurringSpeakers: z.array(z.string()),
  })
  .nullable();

export const writtenNumberBody = z
  .object({
    id: z.number().int(),
    text: z.string().describe("The number as written, hedge included: “Over 76,000”"),
    offset: z.number().int().describe("Where it starts in the text"),
    metricKey: z.string().nullable().describe("The figure it is tied to"),
    status: z.enum(["tied", "untied", "not_figure"]),
    states: z.boolean().nullable().describe("For a tied number: whether it still states the figure's current value"),
    byHand: z.boolean(),
  })
  .meta({ id: "WrittenNumber" });

export const blockBody = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    kind: z.enum(BLOCK_KINDS),
    section: z.string(),
    position: z.number().int(),
    text: z.string().describe("The text as written; `{{metric_key}}` is a live figure"),
    attributes: z.record(z.string(), z.string()).describe("A caption's `place`, `date`, `credit`; an operation's `acronym`, `name`, `type`, `note`"),
    version: z.number().int(),
    rendered: z.string().describe("The text with each live figure printed as the report prints it"),
    numbers: z.array(writtenNumberBody),
    updatedAt: z.string(),
  })
  .meta({ id: "TextBlock" });

export const blockHistoryBody = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    revisions: z.array(
      z.object({
        id: z.number().int(),
        version: z.number().int(),
        action: z.enum(["create", "update", "move", "delete"]),
        kind: z.enum(BLOCK_KINDS),
        section: z.string(),
        position: z.number().int(),
        text: z.string(),
        attributes: z.record(z.string(), z.string()),
        changedBy: z.string().nullable(),
        changedAt: z.string(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "TextBlockHistory" });

export const quoteHistoryBody = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    deleted: z.boolean().describe("The quote was deleted; its last revision is the deletion"),
    revisions: z.array(
      z.object({
        id: z.number().int(),
        version: z.number().int(),
        action: z.enum(["create", "update", "delete"]),
        speaker: z.string(),
        title: z.string(),
        section: z.string(),
        text: z.string(),
        changed: z
          .array(z.enum(["text", "speaker", "title", "section"]))
          .describe("Fields that differ from the revision before (empty for a creation or a deletion)"),
        changedBy: z.string().nullable(),
        changedAt: z.string(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "QuoteHistory" });

export type BlockBody = z.infer<typeof blockBody>;

export const userBody = z.object({ id: z.number().int(), email: z.string(), name: z.string(), role: z.enum(ROLES), active: z.boolean() }).meta({ id: "User" });

export type MetricBody = z.infer<typeof metricBody>;
export type ValueBody = z.infer<typeof valueBody>;
export type QuoteBody = z.infer<typeof quoteBody>;

export const historyBody = z
  .object({
    year: z.number().int(),
    metricKey: z.string(),
    revisions: z.array(
      z.object({
        id: z.number().int(),
        version: z.number().int(),
        value: z.number().nullable(),
        qualifier: z.enum(QUALIFIERS).nullable(),
        note: z.string().nullable(),
        source: z.string().nullable(),
        ...provenanceBody,
        changedBy: z.string().nullable(),
        changedAt: z.string(),
        reason: z.string().nullable(),
      }),
    ),
    nextBefore: z.number().int().nullable(),
  })
  .meta({ id: "ValueHistory" });

export type ValueRevisionBody = z.infer<typeof historyBody>["revisions"][number];

const snapshotSummaryBody = z
  .object({ id: z.number().int(), year: z.number().int(), sha256: z.string(), createdAt: z.string(), reason: z.string().nullable() })
  .meta({ id: "SnapshotSummary" });

export const lockBody = z.object({ year: z.number().int(), status: z.literal("locked"), snapshot: snapshotSummaryBody }).meta({ id: "LockResult" });

export const tokenBody = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable().describe("When the token stops working; null if it never expires"),
    expired: z.boolean(),
  })
  .meta({ id: "ApiToken" });

export type TokenBody = z.output<typeof tokenBody>;

const compareQuoteBody = z.object({ id: z.number().int(), speaker: z.string(), title: z.string(), section: z.string(), text: z.string() });

export const compareBody = z
  .object({
    from: z.number().int().describe("The earlier year compared"),
    to: z.number().int().describe("The later year compared"),
    metrics: z.array(
      z.object({
        metricKey: z.string(),
        label: z.string(),
        section: z.string(),
        unit: z.enum(UNITS),
        direction: z.enum(DIRECTIONS),
        from: z.number().nullable().describe("The value in the `from` year"),
        to: z.number().nullable().describe("The value in the `to` year"),
        fromQualifier: z.enum(QUALIFIERS).nullable(),
        toQualifier: z.enum(QUALIFIERS).nullable(),
        delta: z.number().nullable().describe("to − from (percentage points for percent metrics); null when either is missing"),
        deltaPct: z.number().nullable().describe("Relative change in %, one decimal; null where `from` is null or 0"),
        qualifierChanged: z.boolean(),
        break: z
          .string()
          .nullable()
          .describe("The note of a series break in a year after `from` and up to `to` (the change is then neither good nor bad news), else null"),
        status: z.enum(["unchanged", "changed", "added", "removed", "missing"]),
      }),
    ),
    quotes: z.object({
      added: z.array(compareQuoteBody),
      removed: z.array(compareQuoteBody),
      changed: z.array(
        z.object({
          speaker: z.string(),
          section: z.string(),
          from: compareQuoteBody,
          to: compareQuoteBody,
          diff: z
            .array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() }))
            .describe("Word-by-word difference from the old text to the new"),
        }),
      ),
    }),
  })
  .meta({ id: "Comparison" });

export type CompareBody = z.infer<typeof compareBody>;
const auditEntryBody = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.number().int().nullable(),
    actorName: z.string().nullable(),
    actorEmail: z.string().nullable(),
    action: z.string(),
    year: z.number().int().nullable(),
    metricKey: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "AuditEntry" });

export const auditPageBody = z
  .object({ entries: z.array(auditEntryBody), older: z.number().int().nullable(), newer: z.number().int().nullable() })
  .meta({ id: "AuditPage" });

export type AuditEntryBody = z.infer<typeof auditEntryBody>;

export const snapshotBody = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    sha256: z.string(),
    reason: z.string().nullable(),
  })
  .meta({ id: "Snapshot" });

export type SnapshotBody = z.infer<typeof snapshotBody>;

export const snapshotListBody = z
  .object({ year: z.number().int(), snapshots: z.array(snapshotBody), nextBefore: z.number().int().nullable() })
  .meta({ id: "SnapshotList" });

const importFields = z.object({
  value: z.number().nullable(),
  qualifier: z.enum(QUALIFIERS).nullable(),
  note: z.string().nullable(),
  source: z.string().nullable(),
});

export const importResultBody = z
  .object({
    imported: z.number().int(),
    unchanged: z.number().int(),
    dryRun: z.literal(true).optional(),
    changes: z
      .array(
        z.object({
          row: z.number().int(),
          metricKey: z.string(),
          label: z.string(),
          unit: z.enum(UNITS),
          from: importFields.nullable(),
          to: importFields,
        }),
      )
      .optional(),
  })
  .meta({ id: "ImportResult" });

/** A row an import changes (or would, in a dry run): the figure's fields before and after. */
export type ImportChangeBody = NonNullable<z.infer<typeof importResultBody>["changes"]>[number];

export const importErrorBody = errorBody
  .extend({ rows: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })).optional() })
  .meta({ id: "ImportError" });

export const valueBatchErrorBody = errorBody
  .extend({
    rows: z
      .array(
        z.object({
          index: z.number().int().describe("The row's place in the list sent, from 0"),
          metricKey: z.string(),
          code: z.enum(["validation", "conflict", "not_found"]),
          message: z.string(),
          fields: z.record(z.string(), z.string()).optional(),
          current: valueBody.nullable().optional().describe("A conflict's row as it is now (null if it was never saved)"),
        }),
      )
      .optional(),
  })
  .meta({ id: "ValueBatchError" });

export const checksBody = z.object({ year: z.number().int(), checks: z.array(checkSchema) }).meta({ id: "YearChecks" });

export const lockRefusedBody = errorBody.extend({ checks: z.array(checkSchema) }).meta({ id: "LockRefused" });

export const yearStepBody = z
  .object({ year: z.number().int(), status: z.enum(YEAR_STATUSES), returnMessage: z.string().nullable().optional() })
  .meta({ id: "YearStep" });

export const ruleBody = z
  .object({
    key: z.string(),
    expression: z.string(),
    severity: z.enum(SEVERITIES),
    message: z.string().nullable(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: "ValidationRule" });

export const rulePreviewBody = z
  .object({
    metrics: z.array(z.string()).describe("The metric keys the expression reads"),
    years: z.array(z.object({ year: z.number().int(), status: z.enum(["pass", "fail", "skipped"]), missing: z.array(z.string()) })),
  })
  .meta({ id: "RulePreview" });

export const commentBody = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    metricKey: z.string(),
    text: z.string(),
    author: z.string(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.string().nullable(),
  })
  .meta({ id: "ValueComment" });

export const metricBreakBody = z
  .object({ year: z.number().int(), note: z.string(), createdAt: z.string(), createdBy: z.string().nullable() })
  .meta({ id: "MetricBreak" });

export const metricDetailBody = metricBody.extend({ breaks: z.array(metricBreakBody) }).meta({ id: "MetricDetail" });
export type CommentBody = z.infer<typeof commentBody>;
