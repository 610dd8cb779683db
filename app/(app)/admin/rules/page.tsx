import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listMetrics } from "@/db/queries/catalog";
import { listRules } from "@/db/queries/rules";
import { RuleEditor } from "@/components/rules/rule-editor";
import { requirePageActor } from "@/server/auth/page-guard";
import { requirePermission } from "@/server/auth/page-access";

export const metadata: Metadata = { title: "Validation rules" };

export default async function RulesAdminPage() {
  const actor = await requirePageActor("/admin/rules");
  requirePermission(actor, "rules:manage");
  const db = await getDb();
  const [rules, metrics] = await Promise.all([listRules(db), listMetrics(db)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Validation rules</h1>
        <p className="mt-1 max-w-3xl text-sm text-gray-600">
          Each rule compares a year&apos;s figures by their metric keys, for example{" "}
          <code className="font-mono">peacekeepers_women &lt;= peacekeepers_total</code>. A failing <strong>error</strong> rule stops a lock unless a reviewer
          overrides it with a reason; a <strong>warning</strong> only shows in the year&apos;s checks. A rule is skipped in a year where one of its figures has
          no value. Preview a rule against every year before saving it.
        </p>
      </div>
      <RuleEditor
        rules={rules.map((r) => ({ key: r.key, expression: r.expression, severity: r.severity, message: r.message }))}
        metricKeys={metrics.map((m) => ({ key: m.key, label: m.label }))}
      />
    </div>
  );
}
