import "server-only";
import { and, asc, desc, eq, gt, lt, type SQL } from "drizzle-orm";
import type { AuditAction } from "../commands/audit";
import { auditLog, users } from "../schema";
import type { Executor } from "../client";

const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = { person?: number; year?: number; metric?: string; action?: AuditAction };
export type AuditCursor = { before?: number; after?: number };

export type AuditEntryView = {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  year: number | null;
  metricKey: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
};

export type AuditPage = {
  entries: AuditEntryView[];
  /** Pass as `before` for the next older page; null when there is none. */
  older: number | null;
  /** Pass as `after` for the next newer page; null when this is the newest. */
  newer: number | null;
};

function filterConditions(f: AuditFilters): SQL[] {
  const where: SQL[] = [];
  if (f.person !== undefined) where.push(eq(auditLog.actorId, f.person));
  if (f.year !== undefined) where.push(eq(auditLog.year, f.year));
  if (f.metric !== undefined) where.push(eq(auditLog.metricKey, f.metric));
  if (f.action !== undefined) where.push(eq(auditLog.action, f.action));
  return where;
}

/**
 * One page of the audit log, newest first, keyset-paginated on id (which only grows): `before`
 * gives the page below an id, `after` the page above it. Never more than a page is read.
 */
export async function listAuditEntries(db: Executor, filters: AuditFilters, cursor: AuditCursor = {}, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const where = filterConditions(filters);
  const goingNewer = cursor.after !== undefined && cursor.before === undefined;
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorEmail: auditLog.actorEmail,
      action: auditLog.action,
      year: auditLog.year,
      metricKey: auditLog.metricKey,
      detail: auditLog.detail,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...where, cursor.before !== undefined ? lt(auditLog.id, cursor.before) : undefined, goingNewer ? gt(auditLog.id, cursor.after!) : undefined))
    .orderBy(goingNewer ? asc(auditLog.id) : desc(auditLog.id))
    .limit(pageSize + 1);

  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (goingNewer) page.reverse();
  const newest = page[0]?.id;
  const oldest = page[page.length - 1]?.id;

  if (newest === undefined || oldest === undefined) return { entries: [], older: null, newer: null };
  // One row on the other side of the page says whether there is anything there.
  const exists = async (cond: SQL) =>
    (
      await db
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(and(...where, cond))
        .limit(1)
    ).length > 0;
  const hasOlder = goingNewer ? await exists(lt(auditLog.id, oldest)) : more;
  const hasNewer = goingNewer ? more : await exists(gt(auditLog.id, newest));
  return {
    entries: page,
    older: hasOlder ? oldest : null,
    newer: hasNewer ? newest : null,
  };
}
