import "server-only";
import { and, eq, isNotNull, or } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { blockingChecks } from "@/lib/checks/summary";
import { AppError } from "@/lib/errors";
import { OVERRIDE_REASON_MIN } from "@/lib/validation/year";
import { lockedMetricLabels, metrics, metricValues, reportingYears, sections } from "../schema";
import type { Database, Executor, Transaction } from "../client";
import { listYearChecks } from "../queries/checks";
import { recordAudit } from "./audit";
import { authorAttribution, authorEmail, authorId, type Author } from "./author";
import { copyBlocksIn } from "./blocks";
import { copyQuotesIn } from "./quotes";
import { createSnapshotIn } from "./snapshots";

/** The editors hand the year to the reviewers: `open` → `in_review`; values stay editable. */
export async function submitYear(db: Database, year: number, actor: Actor, ip?: string | null) {
  return db.transaction(async (tx) => {
    const current = await yearForUpdate(tx, year);
    if (current.status === "in_review") throw new AppError("conflict", `The year ${year} is already in review`);
    await tx
      .update(reportingYears)
      .set({ status: "in_review", submittedAt: new Date(), submittedBy: actor.id, returnMessage: null, returnedAt: null, returnedBy: null })
      .where(eq(reportingYears.year, year));
    await recordAudit(tx, { action: "year_submitted", actorId: actor.id, actorEmail: actor.email, year, ip });
    return { year, status: "in_review" as const };
  });
}

/** A reviewer sends the year back with what to look at: `in_review` → `open`, the message kept until the next submit. */
export async function returnYear(db: Database, year: number, message: string, actor: Actor, ip?: string | null) {
  return db.transaction(async (tx) => {
    const current = await yearForUpdate(tx, year);
    if (current.status !== "in_review") throw new AppError("conflict", `The year ${year} is not in review: only a submitted year can be returned`);
    await tx
      .update(reportingYears)
      .set({ status: "open", returnMessage: message, returnedAt: new Date(), returnedBy: actor.id })
      .where(eq(reportingYears.year, year));
    await recordAudit(tx, { action: "year_returned", actorId: actor.id, actorEmail: actor.email, year, ip, detail: { message } });
    return { year, status: "open" as const, returnMessage: message };
  });
}

/** The year's row, locked for the transition; a signed-off year takes no step but unlocking. */
async function yearForUpdate(tx: Executor, year: number) {
  const [current] = await tx.select().from(reportingYears).where(eq(reportingYears.year, year)).for("update");
  if (!current) throw new AppError("not_found", `The year ${year} does not exist`);
  if (current.status === "locked") throw new AppError("locked", `The year ${year} is locked: an admin must unlock it first`);
  return current;
}

/** What a new year starts with: the chapter's blocks of `copyFrom`, and the chosen quotes of any earlier years. */
export type YearStart = { copyFrom?: number; quoteIds?: number[] };

/** Opens a year; with a start, its copies land in the same transaction or the year is not opened. */
export async function openYear(db: Database, year: number, actor: Actor, ip?: string | null, start: YearStart = {}) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(reportingYears).values({ year, createdBy: actor.id }).onConflictDoNothing().returning();
    if (!row) throw new AppError("conflict", `The year ${year} already exists`);
    let blocksCopied = 0;
    if (start.copyFrom !== undefined) {
      const [from] = await tx.select({ year: reportingYears.year }).from(reportingYears).where(eq(reportingYears.year, start.copyFrom));
      if (!from)
        throw new AppError("validation", `The year ${start.copyFrom} does not exist: there is nothing to copy from`, {
          copyFrom: `The year ${start.copyFrom} does not exist`,
        });
      blocksCopied = await copyBlocksIn(tx, start.copyFrom, year, actor);
    }
    const quotesCopied = start.quoteIds?.length ? (await copyQuotesIn(tx, year, start.quoteIds, actor)).length : 0;
    await recordAudit(tx, {
      action: "year_opened",
      actorId: actor.id,
      actorEmail: actor.email,
      year,
      ip,
      detail: start.copyFrom !== undefined || quotesCopied ? { copyFrom: start.copyFrom ?? null, blocksCopied, quotesCopied } : undefined,
    });
    return {
      year: row.year,
      status: row.status,
      ...(start.copyFrom !== undefined ? { copiedFrom: start.copyFrom, blocksCopied } : {}),
      ...(quotesCopied ? { quotesCopied } : {}),
    };
  });
}

/**
 * Signs a year off: read-only from now on, with a snapshot of what was signed. While an error
 * check fails it refuses (422 `checks_failed`, nothing written) unless given an override reason,
 * which the audit entry and the snapshot then carry with the checks it overrode.
 */
export async function lockYear(db: Executor, year: number, actor: Author, ip?: string | null, opts: { overrideReason?: string } = {}) {
  return db.transaction(async (tx) => {
    // `for update` waits for saves in flight (they hold the row `for share`), then excludes new ones.
    const [current] = await tx.select().from(reportingYears).where(eq(reportingYears.year, year)).for("update");
    if (!current) throw new AppError("not_found", `The year ${year} does not exist`);
    if (current.status === "locked") throw new AppError("conflict", `The year ${year} is already locked`);
    const failing = blockingChecks(await listYearChecks(tx, year));
    if (failing.length > 0 && !opts.overrideReason) {
      throw new AppError(
        "checks_failed",
        `${year} cannot be locked while ${failing.length === 1 ? "an error check fails" : `${failing.length} error checks fail`}: fix ${failing.length === 1 ? "it" : "them"}, or lock with an override reason of at least ${OVERRIDE_REASON_MIN} characters`,
        undefined,
        { checks: failing },
      );
    }
    const signOff = failing.length > 0 && opts.overrideReason ? { overrideReason: opts.overrideReason, failingChecks: failing } : undefined;
    await tx
      .update(reportingYears)
      .set({ status: "locked", lockedAt: new Date(), lockedBy: authorId(actor), returnMessage: null })
      .where(eq(reportingYears.year, year));
    await keepLabels(tx, year);
    const attribution = authorAttribution(actor);
    await recordAudit(tx, {
      action: "year_locked",
      actorId: authorId(actor),
      actorEmail: authorEmail(actor),
      year,
      ip,
      detail: signOff || attribution ? { ...signOff, ...(attribution ? { attribution } : {}) } : undefined,
    });
    const snapshot = await createSnapshotIn(tx, year, actor, signOff ? `lock, overriding failed checks: ${signOff.overrideReason}` : "lock", signOff);
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
    if (current.status !== "locked") throw new AppError("conflict", `The year ${year} is not locked`);
    await tx.update(reportingYears).set({ status: "open", lockedAt: null, lockedBy: null }).where(eq(reportingYears.year, year));
    // Open again, the year shows its metrics as they are now, and the next lock records them anew.
    await tx.delete(lockedMetricLabels).where(eq(lockedMetricLabels.year, year));
    await recordAudit(tx, { action: "year_unlocked", actorId: actor.id, actorEmail: actor.email, year, ip, detail: { reason } });
    return { year, status: "open" as const };
  });
}
