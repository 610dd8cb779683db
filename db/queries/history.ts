import "server-only";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { metricValues, metrics, reportingYears, users, valueRevisions } from "../schema";
import type { Executor } from "../client";
import type { ValueRevisionBody } from "@/lib/validation/api";

export type Revision = ValueRevisionBody;

export type RevisionPage = { revisions: Revision[]; nextBefore: number | null };

const HISTORY_PAGE_MAX = 500;

/**
 * The value's row id when the year and the metric exist: `null` inside when the value was
 * never saved (no revisions yet, an empty history), `null` itself when either is unknown.
 */
async function findValueId(db: Executor, year: number, metricKey: string): Promise<{ valueId: number | null } | null> {
  const [target] = await db
    .select({ valueId: metricValues.id })
    .from(metrics)
    .innerJoin(reportingYears, eq(reportingYears.year, year))
    .leftJoin(metricValues, and(eq(metricValues.metricId, metrics.id), eq(metricValues.year, year)))
    .where(eq(metrics.key, metricKey));
  return target ?? null;
}

const EMPTY_PAGE: RevisionPage = { revisions: [], nextBefore: null };

/** Keyset on the revision id, so a deep page costs what the first one does. */
async function readPage(db: Executor, valueId: number, limit: number, before: number | undefined): Promise<RevisionPage> {
  const rows = await db
    .select({
      id: valueRevisions.id,
      version: valueRevisions.version,
      value: valueRevisions.value,
      qualifier: valueRevisions.qualifier,
      note: valueRevisions.note,
      source: valueRevisions.source,
      wording: valueRevisions.wording,
      sourceProducer: valueRevisions.sourceProducer,
      sourceTitle: valueRevisions.sourceTitle,
      sourceUrl: valueRevisions.sourceUrl,
      sourcePublished: valueRevisions.sourcePublished,
      sourceAccessed: valueRevisions.sourceAccessed,
      sourcePhrase: valueRevisions.sourcePhrase,
      changedBy: sql<string | null>`coalesce(${users.name}, ${valueRevisions.attribution})`,
      changedAt: valueRevisions.changedAt,
      reason: valueRevisions.reason,
    })
    .from(valueRevisions)
    .leftJoin(users, eq(users.id, valueRevisions.changedBy))
    .where(and(eq(valueRevisions.valueId, valueId), before ? lt(valueRevisions.id, before) : undefined))
    .orderBy(desc(valueRevisions.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    revisions: page.map((r) => ({ ...r, changedAt: r.changedAt.toISOString() })),
    nextBefore: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/**
 * A value's revisions, newest first, one page (at most HISTORY_PAGE_MAX) at a time.
 * `nextBefore` is null on the last page; null instead of a page when the year or metric is unknown.
 */
export async function listValueHistory(
  db: Executor,
  year: number,
  metricKey: string,
  opts: { limit?: number; before?: number } = {},
): Promise<RevisionPage | null> {
  const target = await findValueId(db, year, metricKey);
  if (target === null) return null;
  if (target.valueId === null) return EMPTY_PAGE;
  return readPage(db, target.valueId, Math.min(Math.max(opts.limit ?? 100, 1), HISTORY_PAGE_MAX), opts.before);
}

/**
 * Every revision of a value, newest first, as pages of at most `batch` rows: the API's
 * contract is "every revision", and reading them in bounded pages keeps a value with
 * hundreds of thousands of revisions from becoming one unbounded query and one huge array.
 * The first page is read before this returns, so an unknown year or metric is null (a 404), never a
 * failure halfway through an answer. Revisions added while the pages are read are newer than
 * the first page and so are not included: the answer is the history as it was when it began.
 */
export async function readEveryRevision(db: Executor, year: number, metricKey: string, batch = HISTORY_PAGE_MAX): Promise<AsyncGenerator<Revision[]> | null> {
  const target = await findValueId(db, year, metricKey);
  if (target === null) return null;
  const { valueId } = target;
  const first = valueId === null ? EMPTY_PAGE : await readPage(db, valueId, batch, undefined);
  return (async function* pages() {
    let page = first;
    yield page.revisions;
    while (page.nextBefore !== null && valueId !== null) {
      page = await readPage(db, valueId, batch, page.nextBefore);
      yield page.revisions;
    }
  })();
}
