import "server-only";
import type { Executor } from "../client";
import { readTogether } from "../read-together";
import { listMetricBreaks } from "./breaks";
import { listYearChecks } from "./checks";
import { countOpenComments } from "./comments";
import type { PreviousValue } from "./previous-year";
import { listYearTimeline } from "./timeline";

/** What the year page shows of the review, in a fixed number of queries: checks, timeline, open comments, breaks. */
export async function loadYearReview(db: Executor, year: number) {
  const [checks, timeline, openComments, breaks] = await readTogether(db, [
    () => listYearChecks(db, year),
    () => listYearTimeline(db, year),
    () => countOpenComments(db, year),
    () => listMetricBreaks(db),
  ]);
  return {
    checks,
    timeline,
    openComments,
    /** Metrics whose series breaks after their previous figure and up to this year: the editor's change warning is off for them. */
    breakSincePrevious: (previous: PreviousValue[]) =>
      new Set(previous.filter((p) => breaks.some((b) => b.metricKey === p.metricKey && b.year > p.year && b.year <= year)).map((p) => p.metricKey)),
  };
}
