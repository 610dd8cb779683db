import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { auditLog, users } from "../schema";
import type { Executor } from "../client";

const STEPS = ["year_opened", "year_submitted", "year_returned", "year_locked", "year_unlocked"] as const;
export type TimelineStep = { id: number; action: (typeof STEPS)[number]; at: Date; by: string | null; detail: Record<string, unknown> | null };

/** The year's review steps, oldest first, from the audit log (the record that cannot be rewritten). */
export async function listYearTimeline(db: Executor, year: number): Promise<TimelineStep[]> {
  const rows = await db
    .select({ id: auditLog.id, action: auditLog.action, at: auditLog.at, by: users.name, email: auditLog.actorEmail, detail: auditLog.detail })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.year, year), inArray(auditLog.action, [...STEPS])))
    .orderBy(asc(auditLog.id));
  return rows.map((r) => ({ id: r.id, action: r.action as TimelineStep["action"], at: r.at, by: r.by ?? r.email, detail: r.detail }));
}
