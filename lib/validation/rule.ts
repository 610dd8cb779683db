import { z } from "zod";
import { SEVERITIES, TEXT_LIMITS } from "@/lib/domain";

/** Lowercase words joined by "_" or "-": a rule's key appears in URLs and in every check it raises. */
const RULE_KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const ruleKey = z
  .string({ error: "Key is required" })
  .trim()
  .min(1, "Key is required")
  .regex(RULE_KEY_PATTERN, "Key must use only a–z, 0–9, _ and - (at most 64 characters), starting with a letter or digit");

const expression = z
  .string({ error: "Expression is required" })
  .trim()
  .min(1, "Expression is required")
  .max(TEXT_LIMITS.ruleExpression, `Expression must be at most ${TEXT_LIMITS.ruleExpression.toLocaleString("en-US")} characters`);
const severity = z.enum(SEVERITIES, { error: "Severity must be error or warning" });
// Blank is "no message": the check then names the rule and its expression.
const message = z
  .string()
  .trim()
  .max(TEXT_LIMITS.ruleMessage, `Message must be at most ${TEXT_LIMITS.ruleMessage} characters`)
  .nullable()
  .transform((v) => (v ? v : null));

/** The rules page's form and `POST /api/v1/rules`; the expression is then parsed against the metrics (db/commands/rules.ts). */
export const createRuleSchema = z.object({ key: ruleKey, expression, severity, message: message.optional() });

/** `PUT /api/v1/rules/{key}`: omitted fields keep their value; a different `key` is refused. */
export const updateRuleSchema = z.object({
  key: z.string().optional(),
  expression: expression.optional(),
  severity: severity.optional(),
  message: message.optional(),
});

export const rulePreviewSchema = z.object({ expression });

export const ruleKeyParams = z.object({ key: z.string().regex(RULE_KEY_PATTERN, "Rule key must be a lowercase slug") });

export type CreateRuleInput = z.output<typeof createRuleSchema>;
export type UpdateRuleInput = z.output<typeof updateRuleSchema>;
