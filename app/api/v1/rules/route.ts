import { createRule } from "@/db/commands/rules";
import { listRules } from "@/db/queries/rules";
import { apiRoute } from "@/lib/api/route";
import { toRuleBody } from "@/lib/api/serialize";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { createRuleSchema } from "@/lib/validation/rule";

export const GET = apiRoute({ permission: "read" }, async ({ db }) => ({ rules: (await listRules(db)).map(toRuleBody) }));

export const POST = apiRoute({ permission: "rules:manage", body: createRuleSchema }, async ({ db, body, actor, req }) =>
  Response.json(toRuleBody(await createRule(db, body, actor, clientIpFromHeaders(req.headers))), { status: 201 }),
);
