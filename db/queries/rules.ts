import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import type { CheckSeverity } from "@/lib/checks/types";
import { evaluateRule, type CompiledRule } from "@/lib/rules/expression";
import { reportingYears, users, validationRules } from "../schema";
import type { Executor } from "../client";
import { readTogether } from "../read-together";
import { listAllValues } from "./value-points";

export type ValidationRule = {
  key: string;
  expression: string;
  severity: CheckSeverity;
  message: string | null;
  updatedAt: Date;
  updatedBy: string | null;
};

export async function listRules(db: Executor): Promise<ValidationRule[]> {
  return db
    .select({
      key: validationRules.key,
      expression: validationRules.expression,
      severity: validationRules.severity,
      message: validationRules.message,
      updatedAt: validationRules.updatedAt,
      updatedBy: users.name,
    })
    .from(validationRules)
    .leftJoin(users, eq(users.id, validationRules.updatedBy))
    .orderBy(asc(validationRules.key));
}

export type RulePreviewYear = { year: number; status: "pass" | "fail" | "skipped"; missing: string[] };

/** What a rule would say of every reporting year, before it is saved: two queries (years, values). */
export async function previewRule(db: Executor, rule: CompiledRule): Promise<RulePreviewYear[]> {
  const [years, values] = await readTogether(db, [
    () => db.select({ year: reportingYears.year }).from(reportingYears).orderBy(desc(reportingYears.year)),
    () => listAllValues(db),
  ]);
  const byYear = new Map<number, Map<string, number | null>>();
  for (const v of values) {
    const year = byYear.get(v.year) ?? new Map<string, number | null>();
    year.set(v.metricKey, v.value);
    byYear.set(v.year, year);
  }
  return years.map(({ year }) => {
    const outcome = evaluateRule(rule, byYear.get(year) ?? new Map());
    return { year, status: outcome.status, missing: outcome.status === "skipped" ? outcome.missing : [] };
  });
}
