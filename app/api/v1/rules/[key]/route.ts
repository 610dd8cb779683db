import { deleteRule, updateRule } from "@/db/commands/rules";
import { listRules } from "@/db/queries/rules";
import { apiRoute } from "@/server/api/route";
import { toRuleBody } from "@/server/api/serialize";
import { notFound } from "@/lib/errors";
import { ruleKeyParams, updateRuleSchema } from "@/lib/validation/rule";

export const GET = apiRoute({ permission: "read", params: ruleKeyParams }, async ({ db, params }) => {
  const rule = (await listRules(db)).find((r) => r.key === params.key);
  if (!rule) throw notFound(`The rule “${params.key}”`);
  return toRuleBody(rule);
});

export const PUT = apiRoute({ permission: "rules:manage", params: ruleKeyParams, body: updateRuleSchema }, async ({ db, params, body, actor, ip }) =>
  toRuleBody(await updateRule(db, params.key, body, actor, ip)),
);

export const DELETE = apiRoute({ permission: "rules:manage", params: ruleKeyParams }, async ({ db, params, actor, ip }) =>
  deleteRule(db, params.key, actor, ip),
);
