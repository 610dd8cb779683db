import { createRule } from "@/db/commands/rules";
import { listRules } from "@/db/queries/rules";
import { apiRoute } from "@/server/api/route";
import { toRuleBody } from "@/server/api/serialize";
import { createRuleSchema } from "@/lib/validation/rule";

export const GET = apiRoute({ permission: "read" }, async ({ db }) => ({ rules: (await listRules(db)).map(toRuleBody) }));

export const POST = apiRoute({ permission: "rules:manage", body: createRuleSchema }, async ({ db, body, actor, ip }) =>
  Response.json(toRuleBody(await createRule(db, body, actor, ip)), { status: 201 }),
);
