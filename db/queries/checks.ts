import "server-only";
import { and, asc, desc, eq, inArray, isNull, type SQLWrapper } from "drizzle-orm";
import type { Check } from "@/lib/checks/types";
import { softLimitWarnings } from "@/lib/checks/soft-limits";
import { formatValue } from "@/lib/numbers/format";
import { evaluateRule, parseRuleExpression } from "@/lib/rules/expression";
import { metrics, reportingYears, users, valueComments } from "../schema";
import type { Executor } from "../client";
import { readTogether } from "../read-together";
import { listAllMetricBreaks, type MetricBreak } from "./breaks";
import { listMetricsCached, type Metric } from "./catalog";
import { listRules, type ValidationRule } from "./rules";
import { listTextChecksOfYears } from "./text-checks";
import { listAllValuesCached, type ValuePoint } from "./value-points";
import { listYearsNewestFirst } from "./years";

const KIND_ORDER: Check["kind"][] = ["rule", "text", "range", "outlier", "comment", "missing"];

/** Every check of a year (docs/API.md, "Checks"), errors first. */
export async function listYearChecks(db: Executor, year: number): Promise<Check[]> {
  return (await listChecksOfYears(db, [year])).get(year) ?? [];
}

/** The years whose checks are asked: these, or the `newest` reporting years (the dashboard's). */
export type YearsAsked = readonly number[] | { newest: number };

/** The `count` newest reporting years, as a subquery the checks' reads filter by. */
function newestYears(db: Executor, count: number) {
  return db.select({ year: reportingYears.year }).from(reportingYears).orderBy(desc(reportingYears.year)).limit(count);
}

/** The years asked, once: what the checks' reads filter by, and how to list them. */
function yearsOf(db: Executor, asked: YearsAsked): { filter: readonly number[] | SQLWrapper; list: () => Promise<number[]> } {
  if (!("newest" in asked)) return { filter: asked, list: async () => [...asked] };
  // The list is the page's own (the dashboard reads every year's status): no statement of its own within a render.
  return { filter: newestYears(db, asked.newest), list: async () => (await listYearsNewestFirst(db)).slice(0, asked.newest).map((y) => y.year) };
}

/**
 * The checks of several years in a fixed number of queries whatever the number of metrics,
 * rules or comments: the metrics, every value (the previous figure of each is among them),
 * the rules, the breaks, the open comments, and the text checks (two more when text is tied).
 * Asked for the newest years, it reads which they are beside the rest, not before it: every
 * read of the checks is one round trip, started with the page's own. Within a page's render the
 * catalogue, the values and the breaks are the page's own reads (React's cache, see each).
 */
export async function listChecksOfYears(db: Executor, asked: YearsAsked): Promise<Map<number, Check[]>> {
  if (!("newest" in asked) && asked.length === 0) return new Map();
  const asking = yearsOf(db, asked);
  const [years, allMetrics, values, rules, breaks, comments, textChecks] = await readTogether(db, [
    asking.list,
    () => listMetricsCached(db),
    // Shared with the dashboard, which reads every value too: read again only after a change.
    () => listAllValuesCached(db),
    () => listRules(db),
    () => listAllMetricBreaks(db),
    () =>
      db
        .select({ id: valueComments.id, year: valueComments.year, metricKey: metrics.key, label: metrics.label, text: valueComments.text, author: users.name })
        .from(valueComments)
        .innerJoin(metrics, eq(metrics.id, valueComments.metricId))
        .innerJoin(users, eq(users.id, valueComments.authorId))
        .where(and(inArray(valueComments.year, asking.filter), isNull(valueComments.resolvedAt)))
        .orderBy(asc(valueComments.id)),
    () => listTextChecksOfYears(db, asking.filter),
  ]);
  const compiled = rules.map((rule) => ({ rule, parsed: parseRuleExpression(rule.expression) }));
  const figures = figuresOfYears(values, years);
  return new Map(
    years.map((year) => [
      year,
      checksOfYear(year, {
        metrics: allMetrics,
        ...figures.get(year)!,
        rules: compiled,
        breaks,
        comments: comments.filter((c) => c.year === year),
        text: textChecks.get(year) ?? [],
      }),
    ]),
  );
}

type Figures = {
  /** The year's figures by metric. */
  current: Map<string, number | null>;
  /** For each metric, the nearest earlier year with a value (years may be skipped). */
  previous: Map<string, { year: number; value: number }>;
};

/**
 * The figures of each asked year and the previous figure of each metric, in one pass over the
 * values in year order (the dashboard asks for several years of 10,000 values; scanning them all
 * once per year was the largest part of its checks).
 */
function figuresOfYears(values: readonly ValuePoint[], years: number[]): Map<number, Figures> {
  // listAllValues reads them in year order; anything else is put in it first.
  const inOrder = values.every((v, i) => i === 0 || values[i - 1]!.year <= v.year) ? values : [...values].sort((a, b) => a.year - b.year);
  const latest = new Map<string, { year: number; value: number }>();
  const figures = new Map<number, Figures>();
  let next = 0;
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    for (; next < inOrder.length && inOrder[next]!.year < year; next++) {
      const v = inOrder[next]!;
      if (v.value !== null) latest.set(v.metricKey, { year: v.year, value: v.value });
    }
    const current = new Map<string, number | null>();
    for (let i = next; i < inOrder.length && inOrder[i]!.year === year; i++) current.set(inOrder[i]!.metricKey, inOrder[i]!.value);
    figures.set(year, { current, previous: new Map(latest) });
  }
  return figures;
}

type Inputs = Figures & {
  metrics: readonly Metric[];
  rules: { rule: ValidationRule; parsed: ReturnType<typeof parseRuleExpression> }[];
  breaks: readonly MetricBreak[];
  comments: { metricKey: string; label: string; text: string; author: string }[];
  text: Check[];
};

function checksOfYear(year: number, inputs: Inputs): Check[] {
  const checks: Check[] = [...inputs.text];
  const { current, previous } = inputs;
  const byKey = new Map(inputs.metrics.map((m) => [m.key, m]));

  for (const { rule, parsed } of inputs.rules) {
    // Saved rules were parsed on the way in; one that no longer parses (a library change) says so instead of vanishing.
    if (!parsed.ok) {
      checks.push({ kind: "rule", severity: rule.severity, ruleKey: rule.key, message: `Rule “${rule.key}” cannot be evaluated: ${parsed.message}` });
      continue;
    }
    if (evaluateRule(parsed.rule, current).status !== "fail") continue;
    const stated = parsed.rule.names
      .map((name) => {
        const metric = byKey.get(name);
        return metric ? `${metric.label} ${formatValue(current.get(name) ?? null, metric.unit)}` : name;
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

  for (const m of inputs.metrics) {
    const value = current.get(m.key) ?? null;
    if (value === null) {
      // Archived metrics are kept in old years and left out of new ones: not "missing".
      if (!m.archived) checks.push({ kind: "missing", severity: "warning", metricKey: m.key, message: `${m.label} has no value for ${year}` });
      continue;
    }
    const prev = previous.get(m.key) ?? null;
    const breakSincePrevious = prev !== null && inputs.breaks.some((b) => b.metricKey === m.key && b.year > prev.year && b.year <= year);
    for (const w of softLimitWarnings(value, m, prev, breakSincePrevious)) {
      checks.push({ kind: w.kind, severity: "warning", metricKey: m.key, message: `${m.label}: ${w.message}` });
    }
  }

  for (const c of inputs.comments) {
    const excerpt = c.text.length > 80 ? `${c.text.slice(0, 79)}…` : c.text;
    checks.push({ kind: "comment", severity: "warning", metricKey: c.metricKey, message: `Unresolved comment by ${c.author} on ${c.label}: “${excerpt}”` });
  }

  return checks.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}
