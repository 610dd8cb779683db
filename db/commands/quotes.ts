import "server-only";
import { and, asc, eq, inArray, isNull, lt, max } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { QuoteFields } from "@/lib/validation/quote";
import { quoteRevisions, quotes, sections, type QuoteRow } from "../schema";
import type { Database, Executor } from "../client";
import { recordAudit } from "./audit";
import { copyTies, retieNumbers } from "./number-ties";
import { assertYearOpen } from "./year-guard";

export type QuoteResult = { id: number; year: number; speaker: string; title: string; section: string; text: string; version: number };

const toResult = (q: QuoteRow): QuoteResult => ({
  id: q.id,
  year: q.year,
  speaker: q.speaker,
  title: q.title,
  section: q.sectionKey,
  text: q.text,
  version: q.version,
});

export async function assertSection(tx: Executor, key: string) {
  const [row] = await tx.select({ key: sections.key }).from(sections).where(eq(sections.key, key));
  if (!row) throw new AppError("validation", "Some fields are not valid", { section: `Section “${key}” does not exist` });
}

async function revise(tx: Executor, q: QuoteRow, action: "create" | "update" | "delete", actor: Actor, reason?: string) {
  await tx.insert(quoteRevisions).values({
    quoteId: q.id,
    year: q.year,
    action,
    speaker: q.speaker,
    title: q.title,
    sectionKey: q.sectionKey,
    text: q.text,
    version: q.version,
    changedBy: actor.id,
    reason: reason ?? null,
  });
  await recordAudit(tx, {
    action: action === "delete" ? "quote_deleted" : "quote_saved",
    actorId: actor.id,
    actorEmail: actor.email,
    year: q.year,
    detail: { quoteId: q.id, speaker: q.speaker, action, version: q.version },
  });
}

export async function createQuote(db: Database, year: number, input: QuoteFields & { reason?: string }, actor: Actor): Promise<QuoteResult> {
  return db.transaction(async (tx) => {
    await assertYearOpen(tx, year);
    await assertSection(tx, input.section);
    return insertQuote(tx, year, input, actor, input.reason);
  });
}

async function insertQuote(tx: Executor, year: number, input: QuoteFields, actor: Actor, reason?: string) {
  const [last] = await tx
    .select({ n: max(quotes.sortOrder) })
    .from(quotes)
    .where(eq(quotes.year, year));
  const [row] = await tx
    .insert(quotes)
    .values({
      year,
      speaker: input.speaker,
      title: input.title,
      sectionKey: input.section,
      text: input.text,
      sortOrder: (last?.n ?? 0) + 1,
      updatedBy: actor.id,
    })
    .returning();
  await retieNumbers(tx, { quoteId: row!.id }, year, row!.sectionKey, row!.text);
  await revise(tx, row!, "create", actor, reason);
  return toResult(row!);
}

/**
 * Copies quotes of an earlier year into `year` (recurring speakers), all or none. The copies
 * are new quotes with their own history; each revision says where it was copied from.
 */
export async function copyQuotes(db: Database, year: number, ids: number[], actor: Actor): Promise<QuoteResult[]> {
  return db.transaction(async (tx) => {
    await assertYearOpen(tx, year);
    return copyQuotesIn(tx, year, ids, actor);
  });
}

/** The same inside the caller's transaction (opening a year copies quotes with its blocks). */
export async function copyQuotesIn(tx: Executor, year: number, ids: number[], actor: Actor): Promise<QuoteResult[]> {
  const sources = await tx
    .select()
    .from(quotes)
    .where(and(inArray(quotes.id, ids), isNull(quotes.deletedAt), lt(quotes.year, year)))
    .orderBy(asc(quotes.sortOrder), asc(quotes.id));
  if (sources.length !== new Set(ids).size) {
    throw new AppError("validation", "Some quotes cannot be copied: pick live quotes of an earlier year", {
      ids: "Some quotes were deleted or are not from an earlier year",
    });
  }
  const copies: QuoteResult[] = [];
  for (const q of sources) {
    copies.push(await insertQuote(tx, year, { speaker: q.speaker, title: q.title, section: q.sectionKey, text: q.text }, actor, `Copied from ${q.year}`));
  }
  // Written numbers stay tied to the metrics they stated, now checked against this year's figures.
  await copyTies(tx, year, { quotes: new Map(sources.map((q, i) => [q.id, copies[i]!.id])) });
  return copies;
}

/** The live quote, locked for this transaction, with its year open; 404 when deleted or absent. */
async function loadForWrite(tx: Executor, id: number, version: number | undefined) {
  const [current] = await tx
    .select()
    .from(quotes)
    .where(and(eq(quotes.id, id), isNull(quotes.deletedAt)))
    .for("update");
  if (!current) throw new AppError("not_found", `Quote ${id} was not found`);
  await assertYearOpen(tx, current.year);
  if (version !== undefined && version !== current.version) {
    throw new AppError("conflict", "Someone else changed this quote since you loaded it: review their version first", undefined, {
      current: toResult(current),
    });
  }
  return current;
}

export async function updateQuote(db: Database, id: number, input: QuoteFields & { version?: number; reason?: string }, actor: Actor): Promise<QuoteResult> {
  return db.transaction(async (tx) => {
    const current = await loadForWrite(tx, id, input.version);
    await assertSection(tx, input.section);
    const [row] = await tx
      .update(quotes)
      .set({
        speaker: input.speaker,
        title: input.title,
        sectionKey: input.section,
        text: input.text,
        version: current.version + 1,
        updatedBy: actor.id,
        updatedAt: new Date(),
      })
      .where(eq(quotes.id, id))
      .returning();
    if (row!.text !== current.text || row!.sectionKey !== current.sectionKey) await retieNumbers(tx, { quoteId: id }, row!.year, row!.sectionKey, row!.text);
    await revise(tx, row!, "update", actor, input.reason);
    return toResult(row!);
  });
}

/** Soft delete: the quote leaves the year, its revisions stay. */
export async function deleteQuote(db: Database, id: number, input: { version?: number; reason?: string }, actor: Actor) {
  return db.transaction(async (tx) => {
    const current = await loadForWrite(tx, id, input.version);
    const [row] = await tx
      .update(quotes)
      .set({ deletedAt: new Date(), version: current.version + 1, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(quotes.id, id))
      .returning();
    await revise(tx, row!, "delete", actor, input.reason);
    return { id, deleted: true as const };
  });
}
