import "server-only";
import { auditLog } from "../schema";
import { faultPoint } from "./fault-point";
import type { Executor } from "../client";
import type { AuditAction } from "@/lib/audit/actions";

export type { AuditAction };

export type AuditEntry = {
  action: AuditAction;
  actorId?: number | null;
  actorEmail?: string | null;
  year?: number | null;
  metricKey?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
};

/** Appends to the audit log; call it inside the transaction of the change it records. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    actorId: entry.actorId ?? null,
    actorEmail: entry.actorEmail ?? null,
    year: entry.year ?? null,
    metricKey: entry.metricKey ?? null,
    detail: entry.detail ?? null,
    ip: entry.ip ?? null,
  });
  await faultPoint(`audit:${entry.action}`);
}
