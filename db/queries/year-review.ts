import "server-only";
import type { Check } from "@/lib/checks/types";
import type { Executor } from "../client";
import { readTogether } from "../read-together";
import { listAllMetricBreaks } from "./breaks";
import { listYearChecks } from "./checks";
import type { PreviousValue } from "./previous-year";
import { listYearTimeline } from "./timeline";

/** What the year page shows of the review, in a fixed number of queries: checks, timeline, breaks. */
export async function loadYearReview(db: Executor, year: number) {
  const [checks, timeline, breaks] = await readTogether(db, [() => listYearChecks(db, year), () => listYearTimeline(db, year), () => listAllMetricBreaks(db)]);
  return {
    checks,
    timeline,
    /** Unresolved comments by figure: each is one of the checks, so they are counted from them rather than read again. */
    openComments: openCommentsOf(checks),
    /** Metrics whose series breaks after their previous figure and up to this year: the editor's change warning is off for them. */
    breakSincePrevious: (previous: PreviousValue[]) =>
      new Set(previous.filter((p) => breaks.some((b) => b.metricKey === p.metricKey && b.year > p.year && b.year <= year)).map((p) => p.metricKey)),
  };
}

function openCommentsOf(checks: readonly Check[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of checks) if (c.kind === "comment" && c.metricKey) counts.set(c.metricKey, (counts.get(c.metricKey) ?? 0) + 1);
  return counts;
}
