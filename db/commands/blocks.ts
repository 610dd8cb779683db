import "server-only";
import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, max, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { liveFigureKeys } from "@/lib/chapter/live-figures";
import { AppError } from "@/lib/errors";
import { createBlockSchema, type BlockFields, type BlockUpdate } from "@/lib/validation/block";
import { blockRevisions, metrics, textBlocks, type TextBlockRow } from "../schema";
import type { Database, Executor } from "../client";
import { findBlock, type BlockView } from "../queries/blocks";
import { recordAudit } from "./audit";
import { authorAttribution, authorEmail, authorId, type Author } from "./author";
import { copyTies, retieNumbers } from "./number-ties";
import { assertSection } from "./quotes";
import { assertYearOpen } from "./year-guard";

type RevisionAction = "create" | "update" | "move" | "delete";

const validKey = /^[a-z][a-z0-9_]{0,63}$/;

/** Every `{{key}}` must name a metric: an unknown one is refused with the key named. */
async function assertLiveFigures(tx: Executor, text: string) {
  const keys = liveFigureKeys(text);
  if (keys.length === 0) return;
  const known = new Set(
    (
      await tx
        .select({ key: metrics.key })
        .from(metrics)
        .where(
          inArray(
            metrics.key,
            keys.filter((k) => validKey.test(k)),
          ),
        )
    ).map((m) => m.key),
  );
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length > 0) {
    const named = unknown.map((k) => `“{{${k}}}”`).join(", ");
    throw new AppError("validation", `Unknown live figure ${named}: there is no metric with the key ${unknown.map((k) => `“${k}”`).join(", ")}`, {
      text: `Unknown metric key ${unknown.map((k) => `“${k}”`).join(", ")}`,
    });
  }
}

/** Positions of one section change one writer at a time: two inserts must not take the same place. */
async function lockSection(tx: Executor, year: number, section: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${year}, hashtext(${section}))`);
}

async function sectionLength(tx: Executor, year: number, section: string): Promise<number> {
  const [row] = await tx
    .select({ n: max(textBlocks.position) })
    .from(textBlocks)
    .where(and(eq(textBlocks.year, year), eq(textBlocks.sectionKey, section), isNull(textBlocks.deletedAt)));
  return row?.n ?? 0;
}

const liveInSection = (year: number, section: string) => and(eq(textBlocks.year, year), eq(textBlocks.sectionKey, section), isNull(textBlocks.deletedAt));

/** Makes room at `position` (1 = first): the blocks from there on move one down. */
async function openGap(tx: Executor, year: number, section: string, position: number) {
  await tx
    .update(textBlocks)
    .set({ position: sql`${textBlocks.position} + 1` })
    .where(and(liveInSection(year, section), gte(textBlocks.position, position)));
}

/** Closes the gap a block left at `position`. */
async function closeGap(tx: Executor, year: number, section: string, position: number) {
  await tx
    .update(textBlocks)
    .set({ position: sql`${textBlocks.position} - 1` })
    .where(and(liveInSection(year, section), gt(textBlocks.position, position)));
}

/** The revision that records a block as it now is: every write, the copy into a new year and the seed add one. */
export function revisionOf(b: TextBlockRow, action: RevisionAction, author: Author, reason?: string): typeof blockRevisions.$inferInsert {
  return {
    blockId: b.id,
    year: b.year,
    action,
    kind: b.kind,
    sectionKey: b.sectionKey,
    position: b.position,
    text: b.text,
    attributes: b.attributes,
    version: b.version,
    changedBy: authorId(author),
    attribution: authorAttribution(author),
    changedAt: b.updatedAt,
    reason: reason ?? null,
  };
}

async function revise(tx: Executor, b: TextBlockRow, action: RevisionAction, author: Author, reason?: string) {
  await tx.insert(blockRevisions).values(revisionOf(b, action, author, reason));
  await recordAudit(tx, {
    action: action === "delete" ? "block_deleted" : "block_saved",
    actorId: authorId(author),
    actorEmail: authorEmail(author),
    year: b.year,
    detail: {
      blockId: b.id,
      kind: b.kind,
      section: b.sectionKey,
      action,
      version: b.version,
      ...("attribution" in author ? { attribution: author.attribution } : {}),
    },
  });
}

/** Inside the caller's transaction: a new block at its position (default: the end of its section), tied and revised. */
async function insertBlock(tx: Executor, year: number, input: BlockFields, author: Author, reason?: string): Promise<TextBlockRow> {
  await assertSection(tx, input.section);
  await assertLiveFigures(tx, input.text);
  await lockSection(tx, year, input.section);
  const end = (await sectionLength(tx, year, input.section)) + 1;
  const position = Math.min(input.position ?? end, end);
  if (position < end) await openGap(tx, year, input.section, position);
  const [row] = await tx
    .insert(textBlocks)
    .values({ year, kind: input.kind, sectionKey: input.section, position, text: input.text, attributes: input.attributes, updatedBy: authorId(author) })
    .returning();
  await retieNumbers(tx, { blockId: row!.id }, year, row!.sectionKey, row!.text);
  await revise(tx, row!, "create", author, reason);
  return row!;
}

export async function createBlock(db: Database, year: number, input: BlockFields & { reason?: string }, actor: Actor): Promise<BlockView> {
  return db.transaction(async (tx) => {
    await assertYearOpen(tx, year);
    const row = await insertBlock(tx, year, input, actor, input.reason);
    return (await findBlock(tx, row.id))!;
  });
}

/** The live block, locked for this transaction, its year open, its version the writer's; 404 when deleted or absent. */
async function loadForWrite(tx: Executor, id: number, version: number | undefined) {
  const [current] = await tx
    .select()
    .from(textBlocks)
    .where(and(eq(textBlocks.id, id), isNull(textBlocks.deletedAt)))
    .for("update");
  if (!current) throw new AppError("not_found", `Text block ${id} was not found`);
  await assertYearOpen(tx, current.year);
  if (version !== undefined && version !== current.version) {
    throw new AppError("conflict", "Someone else changed this text block since you loaded it: review their version first", undefined, {
      current: await findBlock(tx, id),
    });
  }
  return current;
}

/**
 * Changes a block; omitted fields keep what is stored. A new position or section moves the
 * block and closes and opens the gaps around it, all in this one transaction.
 */
export async function updateBlock(db: Database, id: number, input: BlockUpdate, actor: Actor): Promise<BlockView> {
  return db.transaction(async (tx) => {
    const current = await loadForWrite(tx, id, input.version);
    const next = {
      kind: input.kind ?? current.kind,
      sectionKey: input.section ?? current.sectionKey,
      text: input.text ?? current.text,
      attributes: input.attributes ?? current.attributes,
    };
    // The block as it will be must be valid as a whole: a new kind with the attributes it keeps, say.
    createBlockSchema.parse({ kind: next.kind, section: next.sectionKey, text: next.text, attributes: next.attributes });
    if (next.sectionKey !== current.sectionKey) await assertSection(tx, next.sectionKey);
    if (input.text !== undefined) await assertLiveFigures(tx, next.text);

    let position = current.position;
    if (next.sectionKey !== current.sectionKey) {
      await lockSection(tx, current.year, current.sectionKey);
      await lockSection(tx, current.year, next.sectionKey);
      await closeGap(tx, current.year, current.sectionKey, current.position);
      const end = (await sectionLength(tx, current.year, next.sectionKey)) + 1;
      position = Math.min(input.position ?? end, end);
      if (position < end) await openGap(tx, current.year, next.sectionKey, position);
    } else if (input.position !== undefined && input.position !== current.position) {
      await lockSection(tx, current.year, current.sectionKey);
      position = Math.min(input.position, await sectionLength(tx, current.year, current.sectionKey));
      const section = liveInSection(current.year, current.sectionKey);
      const others = sql`${textBlocks.id} <> ${id}`;
      if (position > current.position) {
        await tx
          .update(textBlocks)
          .set({ position: sql`${textBlocks.position} - 1` })
          .where(and(section, others, gt(textBlocks.position, current.position), lte(textBlocks.position, position)));
      } else if (position < current.position) {
        await tx
          .update(textBlocks)
          .set({ position: sql`${textBlocks.position} + 1` })
          .where(and(section, others, gte(textBlocks.position, position), lt(textBlocks.position, current.position)));
      }
    }
    const [row] = await tx
      .update(textBlocks)
      .set({ ...next, position, version: current.version + 1, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(textBlocks.id, id))
      .returning();
    const contentChanged = next.text !== current.text || next.sectionKey !== current.sectionKey;
    if (contentChanged) await retieNumbers(tx, { blockId: id }, row!.year, row!.sectionKey, row!.text);
    const onlyMoved =
      !contentChanged && next.kind === current.kind && JSON.stringify(next.attributes) === JSON.stringify(current.attributes) && position !== current.position;
    await revise(tx, row!, onlyMoved ? "move" : "update", actor, input.reason);
    return (await findBlock(tx, id))!;
  });
}

/** Soft delete: the block leaves the chapter and its section closes up; its revisions stay. */
export async function deleteBlock(db: Database, id: number, input: { version?: number; reason?: string }, actor: Actor) {
  return db.transaction(async (tx) => {
    const current = await loadForWrite(tx, id, input.version);
    await lockSection(tx, current.year, current.sectionKey);
    const [row] = await tx
      .update(textBlocks)
      .set({ deletedAt: new Date(), version: current.version + 1, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(textBlocks.id, id))
      .returning();
    await closeGap(tx, current.year, current.sectionKey, current.position);
    await revise(tx, row!, "delete", actor, input.reason);
    return { id, deleted: true as const };
  });
}

/**
 * Inside opening a year: every live block of `fromYear`, copied in order with its written
 * numbers' ties, so live figures show the new year's values and the written numbers are
 * checked against them.
 */
export async function copyBlocksIn(tx: Executor, fromYear: number, toYear: number, actor: Actor): Promise<number> {
  const sources = await tx
    .select()
    .from(textBlocks)
    .where(and(eq(textBlocks.year, fromYear), isNull(textBlocks.deletedAt)))
    .orderBy(asc(textBlocks.sectionKey), asc(textBlocks.position), asc(textBlocks.id));
  if (sources.length === 0) return 0;
  const copies = await tx
    .insert(textBlocks)
    .values(
      sources.map((b) => ({
        year: toYear,
        kind: b.kind,
        sectionKey: b.sectionKey,
        position: b.position,
        text: b.text,
        attributes: b.attributes,
        updatedBy: actor.id,
      })),
    )
    .returning();
  await copyTies(tx, toYear, { blocks: new Map(sources.map((b, i) => [b.id, copies[i]!.id])) });
  await tx.insert(blockRevisions).values(copies.map((b) => revisionOf(b, "create", actor, `Copied from ${fromYear}`)));
  await recordAudit(tx, {
    action: "block_saved",
    actorId: actor.id,
    actorEmail: actor.email,
    year: toYear,
    detail: { copiedFrom: fromYear, blocks: copies.length },
  });
  return copies.length;
}
