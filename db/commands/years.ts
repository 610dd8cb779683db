import "server-only";
import { and, eq, isNotNull, or } from "drizzle-orm";
import type { Actor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { lockedMetricLabels, metrics, metricValues, reportingYears, sections } from "../schema";
import type { Database, Transaction } from "../client";
import { recordAudit } from "./audit";
import { createSnapshotIn } from "./snapshots";

export async function openYear(db: Database, year: number, actor: Actor, ip?: string | null) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(reportingYears).values({ year, createdBy: actor.id }).onConflictDoNothing().returning();
    if (!row) throw new AppError("conflict", `The year ${year} already exists`);
    await recordAudit(tx, { action: "year_opened", actorId: actor.id, actorEmail: actor.email, year, ip });
    return { year: row.year, status: row.status };
  });
}

/** Signs a year off: read-only from now on, with a snapshot of what was signed. */
export async function lockYear(db: Database, year: number, actor: Actor, ip?: string | null) {
  return db.transaction(async (tx) => {
    // `for update` waits for saves in flight (they hold the row `for share`), then excludes new ones.
    const [current] = await tx.select().from(reportingYears).where(eq(reportingYears.year, year)).for("update");
    if (!current) throw new AppError("not_found", `The year ${year} does not exist`);
    if (current.status === "locked") throw new AppError("conflict", `The year ${year} is already locked`);
    await tx.update(reportingYears).set({ status: "locked", lockedAt: new Date(), lockedBy: actor.id }).where(eq(reportingYears.year, year));
    await keepLabels(tx, year);
    await recordAudit(tx, { action: "year_locked", actorId: actor.id, actorEmail: actor.email, year, ip });
    const snapshot = await createSnapshotIn(tx, year, actor, "lock");
    return { year, status: "locked" as const, snapshot };
  });
}

/** The year's metrics as it shows them at this moment (current ones, and archived ones holding a value). */
async function keepLabels(tx: Transaction, year: number) {
  const shown = await tx
    .select({ metricId: metrics.id, label: metrics.label, unit: metrics.unit, sectionKey: metrics.sectionKey, sectionTitle: sections.title })
    .from(metrics)
    .innerJoin(sections, eq(sections.key, metrics.sectionKey))
    .leftJoin(metricValues, and(eq(metricValues.metricId, metrics.id), eq(metricValues.year, year)))
    .where(or(eq(metrics.archived, false), isNotNull(metricValues.id)));
  if (shown.length > 0) await tx.insert(lockedMetricLabels).values(shown.map((m) => ({ year, ...m })));
}

export async function unlockYear(db: Database, year: number, reason: string, actor: Actor, ip?: string | null) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(reportingYears).where(eq(reportingYears.year, year)).for("update");
    if (!current) throw new AppError("not_found", `The year ${year} does not exist`);
    if (current.status === "open") throw new AppError("conflict", `The year ${year} is not locked`);
    await tx.update(reportingYears).set({ status: "open", lockedAt: null, lockedBy: null }).where(eq(reportingYears.year, year));
    // Open again, the year shows its metrics as they are now, and the next lock records them anew.
    await tx.delete(lockedMetricLabels).where(eq(lockedMetricLabels.year, year));
    await recordAudit(tx, { action: "year_unlocked", actorId: actor.id, actorEmail: actor.email, year, ip, detail: { reason } });
    return { year, status: "open" as const };
  });
}
