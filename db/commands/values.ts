import "server-only";
import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { PROVENANCE_FIELDS, pickProvenance, type Provenance } from "@/lib/validation/provenance";
import { valueSaveSchema } from "@/lib/validation/value";
import { metricValues, metrics, users, valueRevisions } from "../schema";
import type { Database, Executor } from "../client";
import { recordAudit } from "./audit";
import { assertYearOpen } from "./year-guard";

export type SavedValue = {
  metricKey: string;
  value: number | null;
  qualifier: "over" | "about" | null;
  note: string | null;
  source: string | null;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
} & Provenance;

type SaveOptions = { ip?: string | null; audit?: boolean };

/**
 * Saves one value of one year. The input is parsed here with the metric's own schema (the one
 * the form uses); `version` is what the writer last read, and a stale one is refused with 409
 * and the current row; without one the save lands on whatever is there (last write wins).
 * The change, its revision and its audit row are one transaction.
 */
export async function saveValue(db: Database, year: number, metricKey: string, raw: unknown, actor: Actor, opts: SaveOptions = {}) {
  return db.transaction((tx) => saveValueIn(tx, year, metricKey, raw, actor, opts));
}

/** The same inside a transaction the caller holds (the lock tests keep one open mid-save). */
export async function saveValueIn(tx: Executor, year: number, metricKey: string, raw: unknown, actor: Actor, opts: SaveOptions = {}): Promise<SavedValue> {
  await assertYearOpen(tx, year);
  const [metric] = await tx
    .select({ id: metrics.id, unit: metrics.unit, min: metrics.min, max: metrics.max, archived: metrics.archived, label: metrics.label })
    .from(metrics)
    .where(eq(metrics.key, metricKey));
  if (!metric) throw new AppError("not_found", `There is no metric with the key “${metricKey}”`);
  const input = valueSaveSchema({ unit: metric.unit, min: metric.min, max: metric.max }).parse(raw);

  // Without a version the writer asked for last-write-wins: the row is locked as it is read,
  // so simultaneous saves take turns instead of refusing each other.
  const lastWriteWins = input.version === undefined;
  const readCurrent = async () => {
    const q = tx.select().from(metricValues).where(and(eq(metricValues.metricId, metric.id), eq(metricValues.year, year)));
    return (await (lastWriteWins ? q.for("update") : q))[0];
  };
  let current = await readCurrent();
  if (!current && metric.archived) {
    throw new AppError("validation", `The metric “${metricKey}” is archived: it takes no values in new years`, { metricKey: "This metric is archived" });
  }
  if (!lastWriteWins && input.version !== (current?.version ?? 0)) {
    throw await conflict(tx, metricKey, current?.id);
  }

  const write = async (base: typeof current) => {
    // Omitted fields keep what is there; null clears them.
    const next = {
      value: input.value,
      qualifier: input.value === null ? null : input.qualifier === undefined ? (base?.qualifier ?? null) : input.qualifier,
      note: input.note === undefined ? (base?.note ?? null) : input.note,
      source: input.source === undefined ? (base?.source ?? null) : input.source,
      ...Object.fromEntries(PROVENANCE_FIELDS.map((f) => [f, input[f] === undefined ? (base?.[f] ?? null) : input[f]])),
      updatedBy: actor.id,
      updatedAt: new Date(),
    };
    if (base) {
      // The version in the WHERE makes the check and the write one atomic step: of two saves
      // from the same version, the second finds no row to update and is refused.
      const [updated] = await tx
        .update(metricValues)
        .set({ ...next, version: base.version + 1 })
        .where(and(eq(metricValues.id, base.id), eq(metricValues.version, base.version)))
        .returning();
      return updated;
    }
    const [inserted] = await tx
      .insert(metricValues)
      .values({ ...next, metricId: metric.id, year, version: 1 })
      .onConflictDoNothing()
      .returning();
    return inserted;
  };
  let row = await write(current);
  if (!row && lastWriteWins && !current) {
    // Someone else's first value landed between the read and the insert: it is committed now
    // (the insert waited for it), so this save goes on top of it.
    current = await readCurrent();
    if (current) row = await write(current);
  }
  if (!row) throw await conflict(tx, metricKey, undefined, metric.id, year);

  await tx.insert(valueRevisions).values({
    valueId: row.id,
    metricId: row.metricId,
    year,
    value: row.value,
    qualifier: row.qualifier,
    note: row.note,
    source: row.source,
    ...pickProvenance(row),
    version: row.version,
    changedBy: actor.id,
    changedAt: row.updatedAt,
    reason: input.reason ?? null,
  });
  if (opts.audit !== false) {
    await recordAudit(tx, {
      action: "value_saved",
      actorId: actor.id,
      actorEmail: actor.email,
      year,
      metricKey,
      ip: opts.ip,
      detail: { from: current?.value ?? null, to: row.value, version: row.version },
    });
  }
  return toSaved(metricKey, row, actor.name);
}

/** 409 carrying the row as it is now, so the writer can see who changed what. */
async function conflict(tx: Executor, metricKey: string, valueId?: number, metricId?: number, year?: number) {
  const [row] = await tx
    .select({ value: metricValues, updatedBy: users.name })
    .from(metricValues)
    .leftJoin(users, eq(users.id, metricValues.updatedBy))
    .where(valueId !== undefined ? eq(metricValues.id, valueId) : and(eq(metricValues.metricId, metricId!), eq(metricValues.year, year!)));
  const currentRow = row ? toSaved(metricKey, row.value, row.updatedBy) : null;
  return new AppError(
    "conflict",
    `Someone else saved “${metricKey}” since you loaded it${row?.updatedBy ? ` (${row.updatedBy})` : ""}: review their value before overwriting it`,
    undefined,
    { current: currentRow },
  );
}

function toSaved(metricKey: string, row: typeof metricValues.$inferSelect, updatedBy: string | null): SavedValue {
  return {
    metricKey,
    value: row.value,
    qualifier: row.qualifier,
    note: row.note,
    source: row.source,
    ...pickProvenance(row),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy,
  };
}
