import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { metrics, reportingYears, valueComments } from "../schema";
import type { Database, Executor } from "../client";
import { findComment, type ValueComment } from "../queries/comments";
import { recordAudit } from "./audit";

/** The year exists and is not signed off; `for share` keeps a lock from slipping in before the write commits. */
async function assertYearTakesComments(tx: Executor, year: number) {
  const [row] = await tx.select({ status: reportingYears.status }).from(reportingYears).where(eq(reportingYears.year, year)).for("share");
  if (!row) throw new AppError("not_found", `The year ${year} does not exist`);
  if (row.status === "locked") throw new AppError("locked", `The year ${year} is locked: an admin must unlock it before its figures are discussed again`);
}

export async function addComment(db: Database, year: number, metricKey: string, text: string, actor: Actor, ip?: string | null): Promise<ValueComment> {
  return db.transaction(async (tx) => {
    await assertYearTakesComments(tx, year);
    const [metric] = await tx.select({ id: metrics.id }).from(metrics).where(eq(metrics.key, metricKey));
    if (!metric) throw new AppError("not_found", `There is no metric with the key “${metricKey}”`);
    const [row] = await tx.insert(valueComments).values({ year, metricId: metric.id, text, authorId: actor.id }).returning({ id: valueComments.id });
    await recordAudit(tx, { action: "comment_added", actorId: actor.id, actorEmail: actor.email, year, metricKey, detail: { commentId: row!.id, text }, ip });
    return (await findComment(tx, row!.id))!;
  });
}

/** Resolves (or, with `resolved: false`, reopens) a comment; asking for the state it is already in is a 409. */
export async function setCommentResolved(db: Database, id: number, resolved: boolean, actor: Actor, ip?: string | null): Promise<ValueComment> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(valueComments).where(eq(valueComments.id, id)).for("update");
    if (!current) throw new AppError("not_found", `There is no comment ${id}`);
    await assertYearTakesComments(tx, current.year);
    if ((current.resolvedAt !== null) === resolved) {
      throw new AppError("conflict", resolved ? `Comment ${id} is already resolved` : `Comment ${id} is not resolved`);
    }
    await tx
      .update(valueComments)
      .set(resolved ? { resolvedAt: new Date(), resolvedBy: actor.id } : { resolvedAt: null, resolvedBy: null })
      .where(eq(valueComments.id, id));
    const comment = (await findComment(tx, id))!;
    await recordAudit(tx, {
      action: resolved ? "comment_resolved" : "comment_reopened",
      actorId: actor.id,
      actorEmail: actor.email,
      year: current.year,
      metricKey: comment.metricKey,
      detail: { commentId: id },
      ip,
    });
    return comment;
  });
}
