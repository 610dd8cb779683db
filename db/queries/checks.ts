import "server-only";
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import type { Check } from "@/lib/checks/types";
import { softLimitWarnings } from "@/lib/checks/soft-limits";
import { formatValue } from "@/lib/numbers/format";
import { evaluateRule, parseRuleExpression } from "@/lib/rules/expression";
import { metricBreaks, metricValues, metrics, sections, users, valueComments } from "../schema";
import type { Executor } from "../client";
import { listPreviousValues } from "./previous-year";
import { listRules } from "./rules";
import { listTextChecks } from "./text-checks";

const KIND_ORDER: Check["kind"][] = ["rule", "text", "range", "outlier", "comment", "missing"];

/**
 * Every check of a year (docs/API.md, "Checks"), in a fixed number of queries whatever the
 * number of metrics, rules or comments: the year's figures with their metrics, the previous
 * figures, the rules, the breaks, the open comments, and the text checks. Errors come first.
 */
export async function listYearChecks(db: Executor, year: number): Promise<Check[]> {
  const [figures, previous, rules, breaks, comments, textChecks] = await Promise.all([
    db
      .select({
        metricKey: metrics.key,
        label: metrics.label,
        unit: metrics.unit,
        archived: metrics.archived,
        warnMin: metrics.warnMin,
        warnMax: metrics.warnMax,
        warnChangePct: metrics.warnChangePct,
        value: metricValues.value,
      })
      .from(metrics)
      .innerJoin(sections, eq(sections.key, metrics.sectionKey))
      .leftJoin(metricValues, and(eq(metricValues.metricId, metrics.id), eq(metricValues.year, year)))
      .orderBy(asc(sections.sortOrder), asc(metrics.sortOrder), asc(metrics.id)),
    listPreviousValues(db, year),
    listRules(db),
    db.select({ metricKey: metrics.key, year: metricBreaks.year }).from(metricBreaks).innerJoin(metrics, eq(metrics.id, metricBreaks.metricId)).where(lte(metricBreaks.year, year)),
    db
      .select({ id: valueComments.id, metricKey: metrics.key, label: metrics.label, text: valueComments.text, author: users.name })
      .from(valueComments)
      .innerJoin(metrics, eq(metrics.id, valueComments.metricId))
      .innerJoin(users, eq(users.id, valueComments.authorId))
      .where(and(eq(valueComments.year, year), isNull(valueComments.resolvedAt)))
      .orderBy(asc(valueComments.id)),
    listTextChecks(db, year),
  ]);

  const checks: Check[] = [...textChecks];
  const values = new Map(figures.map((f) => [f.metricKey, f.value]));
  const labels = new Map(figures.map((f) => [f.metricKey, f]));

  for (const rule of rules) {
    const parsed = parseRuleExpression(rule.expression);
    // Saved rules were parsed on the way in; one that no longer parses (a library change) says so instead of vanishing.
    if (!parsed.ok) {
      checks.push({ kind: "rule", severity: rule.severity, ruleKey: rule.key, message: `Rule “${rule.key}” cannot be evaluated: ${parsed.message}` });
      continue;
    }
    if (evaluateRule(parsed.rule, values).status !== "fail") continue;
    const stated = parsed.rule.names
      .map((name) => {
        const figure = labels.get(name);
        return figure ? `${figure.label} ${formatValue(values.get(name) ?? null, figure.unit)}` : name;
      })
      .join(", ");
    checks.push({
      kind: "rule",
      severity: rule.severity,
      ruleKey: rule.key,
      metricKey: parsed.rule.names[0],
      message: `${rule.message ?? `Rule “${rule.key}” fails: ${rule.expression}`} (${stated})`,
    });
  }

  const previousByKey = new Map(previous.map((p) => [p.metricKey, p]));
  for (const f of figures) {
    if (f.value === null) {
      if (!f.archived) checks.push({ kind: "missing", severity: "warning", metricKey: f.metricKey, message: `${f.label} has no value for ${year}` });
      continue;
    }
    const prev = previousByKey.get(f.metricKey) ?? null;
    const breakSincePrevious = prev !== null && breaks.some((b) => b.metricKey === f.metricKey && b.year > prev.year);
    for (const w of softLimitWarnings(f.value, f, prev, breakSincePrevious)) {
      checks.push({ kind: w.kind, severity: "warning", metricKey: f.metricKey, message: `${f.label}: ${w.message}` });
    }
  }

  for (const c of comments) {
    const excerpt = c.text.length > 80 ? `${c.text.slice(0, 79)}…` : c.text;
    checks.push({ kind: "comment", severity: "warning", metricKey: c.metricKey, message: `Unresolved comment by ${c.author} on ${c.label}: “${excerpt}”` });
  }

  return checks.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}
