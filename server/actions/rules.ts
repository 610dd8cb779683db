"use server";

import { compileRuleFor, createRule, deleteRule, updateRule } from "@/db/commands/rules";
import { previewRule } from "@/db/queries/rules";
import { guardedAction } from "@/server/actions/safe-action";
import { createRuleSchema, rulePreviewSchema } from "@/lib/validation/rule";
import { z } from "zod";

// The rules page over the commands of /api/v1/rules, with the same permission and schemas.

export const previewRuleAction = guardedAction("rules:manage", rulePreviewSchema, async (input, { db }) => {
  const rule = await compileRuleFor(db, input.expression);
  return { metrics: rule.names, years: await previewRule(db, rule) };
});

/** Adds the rule, or replaces the expression, severity and message of the one with that key. */
export const saveRuleAction = guardedAction("rules:manage", createRuleSchema.extend({ existing: z.boolean() }), async ({ existing, ...rule }, { db, actor, ip }) =>
  existing ? updateRule(db, rule.key, rule, actor, ip) : createRule(db, rule, actor, ip),
);

export const deleteRuleAction = guardedAction("rules:manage", z.object({ key: createRuleSchema.shape.key }), async ({ key }, { db, actor, ip }) => deleteRule(db, key, actor, ip));
