import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { findStatedFigure } from "@/lib/chapter/ties";
import { findWrittenNumbers } from "@/lib/chapter/written-numbers";
import { AppError } from "@/lib/errors";
import { metrics, numberTies } from "../schema";
import type { Database, Executor } from "../client";
import { listYearFigures } from "../queries/year-figures";
import { recordAudit } from "./audit";
import { assertYearOpen } from "./year-guard";

export type TieOwner = { blockId: number } | { quoteId: number };

const ownerWhere = (owner: TieOwner) => ("blockId" in owner ? eq(numberTies.blockId, owner.blockId) : eq(numberTies.quoteId, owner.quoteId));

/**
 * Rewrites the written numbers of one block or quote after its text was saved, inside the
 * save's transaction. A number whose words were already there keeps its tie or its author's
 * decision (so an unrelated edit never silently drops a failing tie); a new number is tied to
 * the figure it states now, if any.
 */
export async function retieNumbers(tx: Executor, owner: TieOwner, year: number, section: string, text: string): Promise<void> {
  const known = await listYearFigures(tx, year);
  const before = await tx.select().from(numberTies).where(ownerWhere(owner)).orderBy(numberTies.offset);
  await tx.delete(numberTies).where(ownerWhere(owner));
  const found = findWrittenNumbers(text);
  if (found.length === 0) return;
  // Kept decisions are matched by the words and their occurrence: the second "36" keeps the second's tie.
  const previous = new Map<string, (typeof before)[number][]>();
  for (const tie of before) previous.set(tie.written, [...(previous.get(tie.written) ?? []), tie]);
  await tx.insert(numberTies).values(
    found.map((n) => {
      const kept = previous.get(n.text)?.shift();
      const stated = kept ? null : findStatedFigure(n, known, section);
      return {
        year,
        ...("blockId" in owner ? { blockId: owner.blockId } : { quoteId: owner.quoteId }),
        metricId: kept ? kept.metricId : (stated?.metricId ?? null),
        written: n.text,
        writtenValue: n.value,
        hedge: n.hedge,
        offset: n.offset,
        byHand: kept?.byHand ?? false,
        // A year is not a figure unless an author ties it; the author can still do so.
        notFigure: kept ? kept.notFigure : n.looksLikeYear,
      };
    }),
  );
}

/**
 * Copies the ties of earlier blocks or quotes onto their copies (source id → copy id), replacing
 * whatever the copies had: a rolled-forward text stays tied to the same metrics, and is checked
 * against the new year's figures.
 */
export async function copyTies(
  tx: Executor,
  year: number,
  copies: { blocks?: ReadonlyMap<number, number>; quotes?: ReadonlyMap<number, number> },
): Promise<void> {
  const blocks = copies.blocks ?? new Map<number, number>();
  const quoteCopies = copies.quotes ?? new Map<number, number>();
  if (blocks.size > 0) await tx.delete(numberTies).where(inArray(numberTies.blockId, [...blocks.values()]));
  if (quoteCopies.size > 0) await tx.delete(numberTies).where(inArray(numberTies.quoteId, [...quoteCopies.values()]));
  const ties = [
    ...(blocks.size > 0
      ? await tx
          .select()
          .from(numberTies)
          .where(inArray(numberTies.blockId, [...blocks.keys()]))
      : []),
    ...(quoteCopies.size > 0
      ? await tx
          .select()
          .from(numberTies)
          .where(inArray(numberTies.quoteId, [...quoteCopies.keys()]))
      : []),
  ];
  if (ties.length === 0) return;
  await tx.insert(numberTies).values(
    ties.map(({ id: _id, blockId, quoteId, ...tie }) => ({
      ...tie,
      year,
      blockId: blockId === null ? null : blocks.get(blockId)!,
      quoteId: quoteId === null ? null : quoteCopies.get(quoteId)!,
    })),
  );
}

export type TieDecision = { metricKey: string | null; notFigure?: false } | { notFigure: true };

/** An author ties a written number to a figure by hand, unties it, or says it is not a figure. */
export async function setTie(db: Database, id: number, decision: TieDecision, actor: Actor) {
  return db.transaction(async (tx) => {
    const [tie] = await tx.select().from(numberTies).where(eq(numberTies.id, id)).for("update");
    if (!tie) throw new AppError("not_found", `Written number ${id} was not found`);
    await assertYearOpen(tx, tie.year);
    let metricId: number | null = null;
    if (!decision.notFigure && decision.metricKey !== null) {
      const [metric] = await tx.select({ id: metrics.id }).from(metrics).where(eq(metrics.key, decision.metricKey));
      if (!metric)
        throw new AppError("validation", `There is no metric with the key “${decision.metricKey}”`, { metricKey: `Unknown metric “${decision.metricKey}”` });
      metricId = metric.id;
    }
    const notFigure = decision.notFigure === true;
    const [row] = await tx.update(numberTies).set({ metricId, notFigure, byHand: true }).where(eq(numberTies.id, id)).returning();
    await recordAudit(tx, {
      action: "number_tie_set",
      actorId: actor.id,
      actorEmail: actor.email,
      year: tie.year,
      metricKey: notFigure ? null : decision.metricKey,
      detail: { tieId: id, written: tie.written, blockId: tie.blockId, quoteId: tie.quoteId, notFigure },
    });
    return row!;
  });
}

/**
 * Ties many new texts at once (the seeded edition): the year's figures are read once and every
 * tie is one insert, instead of a few queries per block.
 */
export async function tieNewTexts(tx: Executor, year: number, texts: { owner: TieOwner; section: string; text: string }[]): Promise<void> {
  const figures = await listYearFigures(tx, year);
  const rows = texts.flatMap(({ owner, section, text }) =>
    findWrittenNumbers(text).map((n) => ({
      year,
      ...("blockId" in owner ? { blockId: owner.blockId } : { quoteId: owner.quoteId }),
      metricId: findStatedFigure(n, figures, section)?.metricId ?? null,
      written: n.text,
      writtenValue: n.value,
      hedge: n.hedge,
      offset: n.offset,
      notFigure: n.looksLikeYear,
    })),
  );
  if (rows.length > 0) await tx.insert(numberTies).values(rows);
}
