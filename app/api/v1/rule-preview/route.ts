import { compileRuleFor } from "@/db/commands/rules";
import { previewRule } from "@/db/queries/rules";
import { apiRoute } from "@/server/api/route";
import { rulePreviewSchema } from "@/lib/validation/rule";

/** What an expression would say of every year, without saving it (the rules page previews with the same function). */
export const POST = apiRoute({ permission: "rules:manage", body: rulePreviewSchema }, async ({ db, body }) => {
  const rule = await compileRuleFor(db, body.expression);
  return { metrics: rule.names, years: await previewRule(db, rule) };
});
