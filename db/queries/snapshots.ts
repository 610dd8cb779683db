import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { snapshots, users, type SnapshotRow } from "../schema";
import type { Executor } from "../client";

type SignOff = NonNullable<SnapshotRow["signOff"]>;

export type SnapshotSummary = {
  id: number;
  year: number;
  createdAt: Date;
  createdBy: string | null;
  sha256: string;
  reason: string | null;
};

const summaryColumns = {
  id: snapshots.id,
  year: snapshots.year,
  createdAt: snapshots.createdAt,
  createdBy: users.name,
  sha256: snapshots.sha256,
  reason: snapshots.reason,
};

/** A page of a year's snapshots, newest first; `before` is the last id of the previous page. */
export async function listSnapshots(db: Executor, year: number, opts: { limit: number; before?: number }) {
  const rows = await db
    .select(summaryColumns)
    .from(snapshots)
    .leftJoin(users, eq(users.id, snapshots.createdBy))
    .where(and(eq(snapshots.year, year), opts.before !== undefined ? lt(snapshots.id, opts.before) : undefined))
    .orderBy(desc(snapshots.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  return { snapshots: page, nextBefore: rows.length > opts.limit ? (page.at(-1)?.id ?? null) : null };
}

export async function latestSnapshot(db: Executor, year: number): Promise<SnapshotSummary | null> {
  const {
    snapshots: [row],
  } = await listSnapshots(db, year, { limit: 1 });
  return row ?? null;
}

export async function findSnapshot(db: Executor, id: number): Promise<(SnapshotSummary & { content: string; signOff: SignOff | null }) | null> {
  const [row] = await db
    .select({ ...summaryColumns, content: snapshots.content, signOff: snapshots.signOff })
    .from(snapshots)
    .leftJoin(users, eq(users.id, snapshots.createdBy))
    .where(eq(snapshots.id, id));
  return row ?? null;
}
