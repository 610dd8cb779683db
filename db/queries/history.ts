import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { metricValues, metrics, users, valueRevisions } from "../schema";
import type { Executor } from "../client";

export type Revision = {
  id: number;
  version: number;
  value: number | null;
  qualifier: "over" | "about" | null;
  note: string | null;
  source: string | null;
  changedBy: string | null;
  changedAt: string;
  reason: string | null;
};

export const HISTORY_PAGE_MAX = 500;

/**
 * A value's revisions, newest first, a page at a time (keyset on the revision id, so deep
 * pages cost the same as the first). `nextBefore` is null on the last page.
 */
export async function listValueHistory(
  db: Executor,
  year: number,
  metricKey: string,
  opts: { limit?: number; before?: number } = {},
): Promise<{ revisions: Revision[]; nextBefore: number | null } | null> {
  const [target] = await db
    .select({ valueId: metricValues.id })
    .from(metricValues)
    .innerJoin(metrics, eq(metrics.id, metricValues.metricId))
    .where(and(eq(metrics.key, metricKey), eq(metricValues.year, year)));
  if (!target) return null;
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), HISTORY_PAGE_MAX);
  const rows = await db
    .select({
      id: valueRevisions.id,
      version: valueRevisions.version,
      value: valueRevisions.value,
      qualifier: valueRevisions.qualifier,
      note: valueRevisions.note,
      source: valueRevisions.source,
      changedBy: users.name,
      changedAt: valueRevisions.changedAt,
      reason: valueRevisions.reason,
    })
    .from(valueRevisions)
    .leftJoin(users, eq(users.id, valueRevisions.changedBy))
    .where(and(eq(valueRevisions.valueId, target.valueId), opts.before ? lt(valueRevisions.id, opts.before) : undefined))
    .orderBy(desc(valueRevisions.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    revisions: page.map((r) => ({ ...r, changedAt: r.changedAt.toISOString() })),
    nextBefore: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
