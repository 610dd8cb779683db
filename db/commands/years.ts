import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { reportingYears } from "../schema";
import type { Database, Executor } from "../client";
import { recordAudit } from "./audit";
import { authorAttribution, authorEmail, authorId, type Author } from "./author";
import { copyBlocksIn } from "./blocks";
import { copyQuotesIn } from "./quotes";
import { createSnapshotIn } from "./snapshots";

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
      if (!from) throw new AppError("validation", `The year ${start.copyFrom} does not exist: there is nothing to copy from`, { copyFrom: `The year ${start.copyFrom} does not exist` });
      blocksCopied = await copyBlocksIn(tx, start.copyFrom, year, actor);
    }
    const quotesCopied = start.quoteIds?.length ? (await copyQuotesIn(tx, year, start.quoteIds, actor)).length : 0;
    await recordAudit(tx, { action: "year_opened", actorId: actor.id, actorEmail: actor.email, year, ip, detail: start.copyFrom !== undefined || quotesCopied ? { copyFrom: start.copyFrom ?? null, blocksCopied, quotesCopied } : undefined });
    return { year: row.year, status: row.status, ...(start.copyFrom !== undefined ? { copiedFrom: start.copyFrom, blocksCopied } : {}), ...(quotesCopied ? { quotesCopied } : {}) };
  });
}

/** Signs a year off: read-only from now on, with a snapshot of what was signed. The seed signs off the shipped edition. */
export async function lockYear(db: Executor, year: number, actor: Author, ip?: string | null) {
  return db.transaction(async (tx) => {
    // `for update` waits for saves in flight (they hold the row `for share`), then excludes new ones.
    const [current] = await tx.select().from(reportingYears).where(eq(reportingYears.year, year)).for("update");
    if (!current) throw new AppError("not_found", `The year ${year} does not exist`);
    if (current.status === "locked") throw new AppError("conflict", `The year ${year} is already locked`);
    await tx.update(reportingYears).set({ status: "locked", lockedAt: new Date(), lockedBy: authorId(actor) }).where(eq(reportingYears.year, year));
    await recordAudit(tx, { action: "year_locked", actorId: authorId(actor), actorEmail: authorEmail(actor), year, ip, detail: authorAttribution(actor) ? { attribution: authorAttribution(actor) } : undefined });
    const snapshot = await createSnapshotIn(tx, year, actor, "lock");
    return { year, status: "locked" as const, snapshot };
  });
}

export async function unlockYear(db: Database, year: number, reason: string, actor: Actor, ip?: string | null) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(reportingYears).where(eq(reportingYears.year, year)).for("update");
    if (!current) throw new AppError("not_found", `The year ${year} does not exist`);
    if (current.status === "open") throw new AppError("conflict", `The year ${year} is not locked`);
    await tx.update(reportingYears).set({ status: "open", lockedAt: null, lockedBy: null }).where(eq(reportingYears.year, year));
    await recordAudit(tx, { action: "year_unlocked", actorId: actor.id, actorEmail: actor.email, year, ip, detail: { reason } });
    return { year, status: "open" as const };
  });
}
