import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { PROVENANCE_FIELDS, pickProvenance, type Provenance } from "@/lib/validation/provenance";
import { valueSaveSchema, zodFieldErrors } from "@/lib/validation/value";
import { valueBatchItems, type ValueBatchItem, type ValueRowError } from "@/lib/validation/value-batch";
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

/**
 * Saves several values of one year in one transaction, all or nothing. Each row goes through
 * saveValueIn, so its rules, version check, revision and audit row are those of a single save.
 * Every row is tried, each in its own savepoint so that a refused one leaves the transaction
 * usable, and if any is refused the whole batch rolls back with an error per refused row
 * (`rows`): 422 when any is invalid or names no metric, else 409 when only versions are stale.
 */
export async function saveValues(db: Database, year: number, items: readonly ValueBatchItem[], actor: Actor, opts: SaveOptions = {}): Promise<SavedValue[]> {
  // The transports parse the same schema; parsing again keeps the limits for any other caller.
  const list = valueBatchItems.parse(items);
  return db.transaction(async (tx) => {
    // Once for the batch, so a locked or missing year is one 423/404 rather than one per row.
    await assertYearOpen(tx, year);
    const duplicates = duplicateRows(list);
    if (duplicates.length) {
      const keys = [...new Set(duplicates.map((r) => `“${r.metricKey}”`))].join(", ");
      throw new AppError("validation", `Each metric may appear once in a batch: ${keys} appear more than once`, undefined, { rows: duplicates });
    }
    const saved: SavedValue[] = [];
    const refused: ValueRowError[] = [];
    for (const [index, item] of list.entries()) {
      try {
        saved.push(await tx.transaction((row) => saveValueIn(row, year, item.metricKey, item, actor, opts)));
      } catch (error) {
        const problem = rowProblem(error);
        // Anything else (the database failing, a bug) is not about the row: the batch fails as a whole.
        if (!problem) throw error;
        refused.push({ index, metricKey: item.metricKey, ...problem });
      }
    }
    if (refused.length) {
      const invalid = refused.some((r) => r.code !== "conflict");
      const counted = `${refused.length} of ${list.length} ${list.length === 1 ? "row" : "rows"}`;
      throw new AppError(
        invalid ? "validation" : "conflict",
        invalid ? `${counted} cannot be saved: nothing was saved` : `${counted} changed since you loaded them: nothing was saved; review their values before overwriting them`,
        undefined,
        { rows: refused },
      );
    }
    return saved;
  });
}

function duplicateRows(list: readonly ValueBatchItem[]): ValueRowError[] {
  const seen = new Map<string, number>();
  for (const item of list) seen.set(item.metricKey, (seen.get(item.metricKey) ?? 0) + 1);
  return list.flatMap((item, index) => {
    const times = seen.get(item.metricKey)!;
    return times > 1 ? [{ index, metricKey: item.metricKey, code: "validation" as const, message: `“${item.metricKey}” appears ${times} times in this batch: send it once` }] : [];
  });
}

/** A single save's refusal as a row error, or null when the failure is not the row's. */
function rowProblem(error: unknown): Omit<ValueRowError, "index" | "metricKey"> | null {
  if (error instanceof z.ZodError) {
    const fields = zodFieldErrors(error);
    return { code: "validation", message: Object.values(fields).join("; "), fields };
  }
  if (!(error instanceof AppError)) return null;
  switch (error.code) {
    case "validation":
      return { code: "validation", message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
    case "not_found":
      return { code: "not_found", message: error.message };
    case "conflict":
      return { code: "conflict", message: error.message, current: (error.extra?.current as SavedValue | null | undefined) ?? null };
    default:
      return null;
  }
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
