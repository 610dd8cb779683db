/**
 * The one definition of a valid text block, used by the text view's forms and by the API. The
 * text may hold live figures (`{{metric_key}}`); whether each key exists is checked on save,
 * against the metric definitions (lib/chapter/live-figures.ts, db/commands/blocks.ts).
 */
import { z } from "zod";
import { BLOCK_KINDS, TEXT_LIMITS } from "@/lib/domain";

export const OPERATION_TYPES = ["peacekeeping", "special political mission", "office"] as const;
// The same types as API clients may spell them.
const OPERATION_TYPE_SPELLINGS = [...OPERATION_TYPES, "special_political_mission"];

/** Attributes each kind documents (docs/API.md); other keys are refused so a typo is not kept silently. */
export const BLOCK_ATTRIBUTES: Record<(typeof BLOCK_KINDS)[number], readonly string[]> = {
  heading: ["level"],
  paragraph: ["role"],
  list_item: ["list"],
  caption: ["place", "date", "credit"],
  operation: ["acronym", "name", "type", "note"],
};

const version = z.number({ error: "Version must be a number" }).int("Version must be a whole number").min(1, "Version must be 1 or more");
const reason = z.string().trim().max(TEXT_LIMITS.reason).optional();

const blockText = z
  .string({ error: "Text must be text" })
  .max(TEXT_LIMITS.blockText, `Text must be at most ${TEXT_LIMITS.blockText.toLocaleString("en-US")} characters`)
  .transform((t) => t.trim());

const attributes = z.record(z.string(), z.string({ error: "Each attribute must be text" }).trim().max(500, "Each attribute must be at most 500 characters"), {
  error: 'Attributes must be an object of texts, like {"place": "Tong"}',
});

const kind = z.enum(BLOCK_KINDS, { error: `Kind must be one of ${BLOCK_KINDS.join(", ")}` });
const section = z.string({ error: "Section is required" }).trim().min(1, "Section is required").max(64, "Section must be at most 64 characters");
const position = z.number({ error: "Position must be a number" }).int("Position must be a whole number").min(1, "Position must be 1 or more");

type BlockShape = { kind?: (typeof BLOCK_KINDS)[number]; text?: string; attributes?: Record<string, string> };

/** Rules across fields: a heading needs words, an operation its acronym and name, attributes their kind's keys. */
function checkBlock(block: BlockShape, ctx: z.RefinementCtx) {
  if (!block.kind) return;
  if (block.text !== undefined && block.text === "" && block.kind !== "operation") {
    ctx.addIssue({ code: "custom", path: ["text"], message: "Text is required" });
  }
  if (!block.attributes) return;
  const allowed = BLOCK_ATTRIBUTES[block.kind];
  for (const key of Object.keys(block.attributes)) {
    if (!allowed.includes(key)) {
      ctx.addIssue({
        code: "custom",
        path: ["attributes", key],
        message: `A ${block.kind} has no attribute “${key}”${allowed.length ? `: use ${allowed.join(", ")}` : ""}`,
      });
    }
  }
  if (block.kind === "operation") {
    for (const key of ["acronym", "name"]) {
      if (!block.attributes[key]) ctx.addIssue({ code: "custom", path: ["attributes", key], message: `An operation needs its ${key}` });
    }
    const type = block.attributes.type;
    if (type && !OPERATION_TYPE_SPELLINGS.includes(type)) {
      ctx.addIssue({ code: "custom", path: ["attributes", "type"], message: `Type must be one of ${OPERATION_TYPES.join(", ")}` });
    }
  }
}

const blockFieldsSchema = z.object({ kind, section, text: blockText, attributes: attributes.default({}), position: position.optional() });

export const createBlockSchema = blockFieldsSchema.extend({ reason }).superRefine(checkBlock);

/** A change: omitted fields keep what is stored. `version` guards against overwriting someone's edit. */
export const updateBlockSchema = z
  .object({
    kind: kind.optional(),
    section: section.optional(),
    text: blockText.optional(),
    attributes: attributes.optional(),
    position: position.optional(),
    version: version.optional(),
    reason,
  })
  .superRefine(checkBlock);

export const deleteBlockSchema = z.object({ version: version.optional(), reason });

/** An author's decision on a written number: the figure it states, or that it states none. */
export const setTieSchema = z.union(
  [
    z.object({
      metricKey: z
        .string()
        .regex(/^[a-z][a-z0-9_]{0,63}$/, "Metric key must be a lowercase slug")
        .nullable(),
      notFigure: z.literal(false).optional(),
    }),
    z.object({ notFigure: z.literal(true) }),
  ],
  { error: 'Send {"metricKey": "…"} to tie the number, {"metricKey": null} to untie it, or {"notFigure": true}' },
);

export type BlockFields = z.output<typeof blockFieldsSchema>;
export type BlockUpdate = z.output<typeof updateBlockSchema>;

export const blockListQuery = z.object({ section: section.optional() });

export const writtenNumbersQuery = z.object({
  status: z.enum(["tied", "untied", "not_figure"], { error: "Status must be tied, untied or not_figure" }).optional(),
});
