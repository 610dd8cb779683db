import "server-only";
import { buildBrief, type Brief } from "@/lib/brief/model";
import type { Executor } from "../client";
import { listSections } from "./catalog";
import { listYearChecks } from "./checks";
import { readComparison } from "./compare";
import { listYearValues } from "./years";

/** The brief of changes from `from` to `to`, or the years that do not exist. */
export async function loadBrief(db: Executor, from: number, to: number): Promise<{ missingYears: number[]; brief: Brief | null }> {
  const { missingYears, comparison } = await readComparison(db, from, to);
  if (!comparison) return { missingYears, brief: null };
  const [values, checks, sections] = await Promise.all([listYearValues(db, to), listYearChecks(db, to), listSections(db)]);
  return {
    missingYears: [],
    brief: buildBrief({
      from,
      to,
      rows: comparison.rows,
      sources: new Map(values.map((v) => [v.metricKey, v.source])),
      quotes: comparison.quotes,
      checks,
      sectionTitles: new Map(sections.map((s) => [s.key, s.title])),
    }),
  };
}
