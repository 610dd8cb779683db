import "server-only";
import type { Executor } from "@/db/client";
import { listMetricBreaks } from "@/db/queries/breaks";
import { listYearChecks } from "@/db/queries/checks";
import { countOpenComments } from "@/db/queries/comments";
import type { PreviousValue } from "@/db/queries/previous-year";
import { listYearTimeline } from "@/db/queries/timeline";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/domain";
import type { CommentControls } from "./comments-drawer";

/** What the year page shows of the review, in a fixed number of queries: checks, timeline, open comments, breaks. */
export async function loadYearReview(db: Executor, year: number) {
  const [checks, timeline, openComments, breaks] = await Promise.all([listYearChecks(db, year), listYearTimeline(db, year), countOpenComments(db, year), listMetricBreaks(db)]);
  return {
    checks,
    timeline,
    openComments,
    /** Metrics whose series breaks after their previous figure and up to this year: the editor's change warning is off for them. */
    breakSincePrevious: (previous: PreviousValue[]) =>
      new Set(previous.filter((p) => breaks.some((b) => b.metricKey === p.metricKey && b.year > p.year && b.year <= year)).map((p) => p.metricKey)),
  };
}

/** A locked year's threads are read-only (the server refuses with 423). */
export function commentsFor(openComments: Map<string, number>, role: Role, yearLocked: boolean): CommentControls {
  return {
    openCounts: Object.fromEntries(openComments),
    canComment: !yearLocked && can(role, "comments:write"),
    canResolve: !yearLocked && can(role, "comments:resolve"),
  };
}
