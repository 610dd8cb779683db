import "server-only";
import { buildBrief, type Brief } from "@/lib/brief/model";
import { compareBlocks } from "@/lib/compare/compare";
import type { Executor } from "../client";
import { readTogether } from "../read-together";
import { listYearBlocks } from "./blocks";
import { listSections } from "./catalog";
import { listYearChecks } from "./checks";
import { readComparison } from "./compare";
import { listYearValues } from "./years";

/** The brief of changes from `from` to `to`, or the years that do not exist. */
export async function loadBrief(db: Executor, from: number, to: number): Promise<{ missingYears: number[]; brief: Brief | null }> {
  const { missingYears, comparison } = await readComparison(db, from, to);
  if (!comparison) return { missingYears, brief: null };
  const [values, checks, sections, fromBlocks, toBlocks] = await readTogether(db, [
    () => listYearValues(db, to),
    () => listYearChecks(db, to),
    () => listSections(db),
    () => listYearBlocks(db, from),
    () => listYearBlocks(db, to),
  ]);
  return {
    missingYears: [],
    brief: buildBrief({
      from,
      to,
      rows: comparison.rows,
      sources: new Map(values.map((v) => [v.metricKey, v.source])),
      quotes: comparison.quotes,
      blocks: compareBlocks(fromBlocks, toBlocks),
      blocksInTo: toBlocks.length,
      checks,
      sectionTitles: new Map(sections.map((s) => [s.key, s.title])),
    }),
  };
}
