import "server-only";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { BlockKind } from "@/lib/domain";
import { renderLiveFigures } from "@/lib/chapter/live-figures";
import { statesFigure } from "@/lib/chapter/ties";
import { findWrittenNumbers } from "@/lib/chapter/written-numbers";
import type { PrintableFigure } from "@/lib/numbers/printed";
import { blockRevisions, metrics, numberTies, sections, textBlocks, users, type NumberTieRow, type TextBlockRow } from "../schema";
import type { Executor } from "../client";
import { readTogether } from "../read-together";
import { listYearFigures, listYearFiguresCached, type YearFigure } from "./year-figures";

/** A number written in a block or quote and what became of it: tied to a figure, untied, or not a figure. */
export type WrittenNumberView = {
  id: number;
  text: string;
  offset: number;
  metricKey: string | null;
  status: "tied" | "untied" | "not_figure";
  /** For a tied number: does it still state the figure's current value? */
  states: boolean | null;
  byHand: boolean;
};

export type BlockView = {
  id: number;
  year: number;
  kind: BlockKind;
  section: string;
  position: number;
  text: string;
  attributes: Record<string, string>;
  version: number;
  rendered: string;
  numbers: WrittenNumberView[];
  updatedAt: Date;
};

const printableFigures = (figures: readonly YearFigure[]): Map<string, PrintableFigure> => new Map(figures.map((f) => [f.metricKey, f]));

type TieRow = NumberTieRow & { metricKey: string | null };

/** Tie rows → what a reader sees, judged against the year's figures as they are now. */
export function viewNumbers(ties: readonly TieRow[], figures: readonly YearFigure[]): WrittenNumberView[] {
  const byKey = new Map(figures.map((f) => [f.metricKey, f]));
  return ties.map((t) => {
    const figure = t.metricKey ? byKey.get(t.metricKey) : undefined;
    const written = findWrittenNumbers(t.written)[0];
    return {
      id: t.id,
      text: t.written,
      offset: t.offset,
      metricKey: t.metricKey,
      status: t.notFigure ? "not_figure" : t.metricKey ? "tied" : "untied",
      states: t.metricKey && !t.notFigure ? Boolean(figure && written && statesFigure(written, figure)) : null,
      byHand: t.byHand,
    };
  });
}

/** Written numbers of the given blocks or quotes, in text order. One query. */
async function listTies(db: Executor, owner: { blockIds: number[] } | { quoteIds: number[] }): Promise<TieRow[]> {
  const ids = "blockIds" in owner ? owner.blockIds : owner.quoteIds;
  if (ids.length === 0) return [];
  const rows = await db
    .select({ tie: numberTies, metricKey: metrics.key })
    .from(numberTies)
    .leftJoin(metrics, eq(metrics.id, numberTies.metricId))
    .where("blockIds" in owner ? inArray(numberTies.blockId, ids) : inArray(numberTies.quoteId, ids))
    .orderBy(asc(numberTies.offset), asc(numberTies.id));
  return rows.map((r) => ({ ...r.tie, metricKey: r.metricKey }));
}

function toView(b: TextBlockRow, figures: readonly YearFigure[], ties: readonly TieRow[]): BlockView {
  return {
    id: b.id,
    year: b.year,
    kind: b.kind,
    section: b.sectionKey,
    position: b.position,
    text: b.text,
    attributes: b.attributes,
    version: b.version,
    rendered: renderLiveFigures(b.text, printableFigures(figures)),
    numbers: viewNumbers(
      ties.filter((t) => t.blockId === b.id),
      figures,
    ),
    updatedAt: b.updatedAt,
  };
}

/** The year's live blocks in chapter order (section order, then position), rendered. Three queries, the first two side by side. */
export async function listYearBlocks(db: Executor, year: number, opts: { section?: string } = {}): Promise<BlockView[]> {
  const [rows, figures] = await readTogether(db, [
    () =>
      db
        .select({ block: textBlocks })
        .from(textBlocks)
        .innerJoin(sections, eq(sections.key, textBlocks.sectionKey))
        .where(and(eq(textBlocks.year, year), isNull(textBlocks.deletedAt), opts.section ? eq(textBlocks.sectionKey, opts.section) : undefined))
        .orderBy(asc(sections.sortOrder), asc(textBlocks.position), asc(textBlocks.id)),
    () => listYearFiguresCached(db, year),
  ]);
  const ties = await listTies(db, { blockIds: rows.map((r) => r.block.id) });
  return rows.map((r) => toView(r.block, figures, ties));
}

/** One live block, rendered; null when deleted or absent. */
export async function findBlock(db: Executor, id: number): Promise<BlockView | null> {
  const [row] = await db
    .select()
    .from(textBlocks)
    .where(and(eq(textBlocks.id, id), isNull(textBlocks.deletedAt)));
  if (!row) return null;
  return toView(row, await listYearFigures(db, row.year), await listTies(db, { blockIds: [id] }));
}

export type BlockRevisionView = {
  id: number;
  version: number;
  action: "create" | "update" | "move" | "delete";
  kind: BlockKind;
  section: string;
  position: number;
  text: string;
  attributes: Record<string, string>;
  changedBy: string | null;
  changedAt: string;
  reason: string | null;
};

/** Every revision of a block (deleted ones too), newest first; null when there never was such a block. */
export async function listBlockHistory(db: Executor, id: number): Promise<{ id: number; year: number; revisions: BlockRevisionView[] } | null> {
  const [block] = await db.select({ id: textBlocks.id, year: textBlocks.year }).from(textBlocks).where(eq(textBlocks.id, id));
  if (!block) return null;
  const rows = await db
    .select({ revision: blockRevisions, userName: users.name })
    .from(blockRevisions)
    .leftJoin(users, eq(users.id, blockRevisions.changedBy))
    .where(eq(blockRevisions.blockId, id))
    .orderBy(desc(blockRevisions.id));
  return {
    ...block,
    revisions: rows.map(({ revision: r, userName }) => ({
      id: r.id,
      version: r.version,
      action: r.action,
      kind: r.kind,
      section: r.sectionKey,
      position: r.position,
      text: r.text,
      attributes: r.attributes,
      changedBy: userName ?? r.attribution,
      changedAt: r.changedAt.toISOString(),
      reason: r.reason,
    })),
  };
}
