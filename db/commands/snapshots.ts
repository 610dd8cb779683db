import "server-only";
import { canonicalJson, sha256Hex } from "@/lib/snapshot/canonical";
import type { Actor } from "@/lib/auth/actor";
import { eq } from "drizzle-orm";
import type { Check } from "@/lib/checks/types";
import { AppError } from "@/lib/errors";
import { reportingYears, snapshots } from "../schema";
import type { Database, Executor } from "../client";
import { readYearContent } from "../queries/year-content";
import { recordAudit } from "./audit";
import { authorEmail, authorId, type Author } from "./author";

/** Kept in a lock's snapshot when it overrode failing error checks. */
export type SignOff = { overrideReason: string; failingChecks: Check[] };

/** Freezes the year's current content. Snapshots are never updated or deleted (database trigger). */
export async function createSnapshotIn(tx: Executor, year: number, actor: Author, reason: string, signOff?: SignOff) {
  const content = canonicalJson(await readYearContent(tx, year));
  const sha256 = sha256Hex(content);
  const [row] = await tx
    .insert(snapshots)
    .values({ year, content, sha256, reason, signOff: signOff ?? null, createdBy: authorId(actor) })
    .returning({
      id: snapshots.id,
      createdAt: snapshots.createdAt,
    });
  await recordAudit(tx, {
    action: "snapshot_created",
    actorId: authorId(actor),
    actorEmail: authorEmail(actor),
    year,
    detail: { snapshotId: row!.id, sha256, reason },
  });
  return { id: row!.id, year, sha256, createdAt: row!.createdAt, reason };
}

/** A snapshot taken by hand (an editor marking a state worth keeping); any year, open or locked. */
export async function createSnapshot(db: Database, year: number, actor: Actor, reason: string | null) {
  return db.transaction(async (tx) => {
    // `for share`: a lock or unlock of the year waits, so the snapshot sees one consistent state.
    const [row] = await tx.select({ year: reportingYears.year }).from(reportingYears).where(eq(reportingYears.year, year)).for("share");
    if (!row) throw new AppError("not_found", `The year ${year} does not exist`);
    const created = await createSnapshotIn(tx, year, actor, reason ?? "manual");
    return { ...created, createdBy: actor.name };
  });
}
