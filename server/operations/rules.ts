import "server-only";
import { z } from "zod";
import { compileRuleFor, createRule, deleteRule, updateRule } from "@/db/commands/rules";
import { listRules, previewRule } from "@/db/queries/rules";
import { notFound } from "@/lib/errors";
import { ruleBody, rulePreviewBody } from "@/lib/validation/api";
import { createRuleSchema, ruleKeyParams, rulePreviewSchema, updateRuleSchema } from "@/lib/validation/rule";
import { toRuleBody } from "@/server/api/serialize";
import { defineOperation } from "@/server/operation";

/** Validation rules: expressions over a year's figures, checked before sign-off. */
export const rules = {
  list: defineOperation({
    method: "GET",
    path: "/api/v1/rules",
    summary: "Validation rules",
    permission: "read",
    response: z.object({ rules: z.array(ruleBody) }),
    handler: async ({ db }) => ({ rules: (await listRules(db)).map(toRuleBody) }),
  }),

  create: defineOperation({
    method: "POST",
    path: "/api/v1/rules",
    summary:
      "Add a validation rule: a filtrex expression over the year's figures by metric key (arithmetic, comparisons, `and`/`or`, `abs`, `round`, `min`, `max`). 422 when it does not parse or names an unknown metric (`fields.expression`). Skipped in a year where one of its figures has no value.",
    permission: "rules:manage",
    body: createRuleSchema,
    response: ruleBody,
    successStatus: 201,
    errors: [409, 422],
    handler: async ({ db, body, actor, ip }) => toRuleBody(await createRule(db, body, actor, ip)),
  }),

  get: defineOperation({
    method: "GET",
    path: "/api/v1/rules/{key}",
    summary: "One validation rule",
    permission: "read",
    params: ruleKeyParams,
    response: ruleBody,
    errors: [404],
    handler: async ({ db, params }) => {
      const rule = (await listRules(db)).find((r) => r.key === params.key);
      if (!rule) throw notFound(`The rule “${params.key}”`);
      return toRuleBody(rule);
    },
  }),

  update: defineOperation({
    method: "PUT",
    path: "/api/v1/rules/{key}",
    summary: "Change a rule's expression, severity or message; omitted fields keep their value",
    permission: "rules:manage",
    params: ruleKeyParams,
    body: updateRuleSchema,
    response: ruleBody,
    errors: [404, 422],
    handler: async ({ db, params, body, actor, ip }) => toRuleBody(await updateRule(db, params.key, body, actor, ip)),
  }),

  delete: defineOperation({
    method: "DELETE",
    path: "/api/v1/rules/{key}",
    summary: "Delete a rule",
    permission: "rules:manage",
    params: ruleKeyParams,
    response: z.object({ key: z.string(), deleted: z.literal(true) }),
    errors: [404],
    handler: ({ db, params, actor, ip }) => deleteRule(db, params.key, actor, ip),
  }),

  /** What an expression would say of every year, without saving it. */
  preview: defineOperation({
    method: "POST",
    path: "/api/v1/rule-preview",
    summary: "What an expression would say of every reporting year (pass, fail, or skipped for missing figures), without saving it",
    permission: "rules:manage",
    body: rulePreviewSchema,
    response: rulePreviewBody,
    errors: [422],
    handler: async ({ db, body }) => {
      const rule = await compileRuleFor(db, body.expression);
      return { metrics: rule.names, years: await previewRule(db, rule) };
    },
  }),
};
