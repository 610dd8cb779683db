import "server-only";
import { and, eq, inArray, isNotNull, isNull, or, sql, type SQLWrapper } from "drizzle-orm";
import type { Check } from "@/lib/checks/types";
import { statesFigure } from "@/lib/chapter/ties";
import { findWrittenNumbers } from "@/lib/chapter/written-numbers";
import { printFigure } from "@/lib/numbers/printed";
import { metricValues, metrics, numberTies, quotes, textBlocks } from "../schema";
import type { Executor } from "../client";
import { figureColumns, isFigureOfItsYear } from "./year-figures";

const KIND_NAMES = { heading: "heading", paragraph: "paragraph", list_item: "list item", caption: "caption", operation: "operation" } as const;

/** The first words of a text, to name a block in a message a person can find it by. */
function opening(text: string): string {
  const plain = text.replace(/\*\*/g, "").replace(/\s+/g, " ").trim();
  return plain.length > 48 ? `${plain.slice(0, 45).trimEnd()}…` : plain;
}

/**
 * Every `text` check of the year: a number written in a live block or quote, tied to a figure,
 * that no longer states the figure's current value. One query, whatever the number of blocks.
 */
export async function listTextChecks(db: Executor, year: number): Promise<Check[]> {
  return (await listTextChecksOfYears(db, [year])).get(year) ?? [];
}

// Enough of a block to name it by its opening (see opening()): the whole paragraph is not read for every tie.
const BLOCK_HEAD = 160;

/**
 * `listTextChecks` of several years (the dashboard's), in the same one query: each live tie with
 * its figure in the tie's year, read as the year page reads figures (figureColumns). The years are
 * given, or a subquery that gives them (the newest, see listChecksOfYears); a year without a
 * failing tie has no entry.
 */
export async function listTextChecksOfYears(db: Executor, years: readonly number[] | SQLWrapper): Promise<Map<number, Check[]>> {
  const checksByYear = new Map<number, Check[]>();
  if ("length" in years && years.length === 0) return checksByYear;
  const ties = await db
    .select({
      year: numberTies.year,
      written: numberTies.written,
      blockId: numberTies.blockId,
      quoteId: numberTies.quoteId,
      blockKind: textBlocks.kind,
      blockHead: sql<string | null>`left(${textBlocks.text}, ${sql.raw(String(BLOCK_HEAD))})`,
      speaker: quotes.speaker,
      ...figureColumns,
    })
    .from(numberTies)
    .innerJoin(metrics, eq(metrics.id, numberTies.metricId))
    .leftJoin(metricValues, and(eq(metricValues.metricId, numberTies.metricId), eq(metricValues.year, numberTies.year)))
    .leftJoin(textBlocks, eq(textBlocks.id, numberTies.blockId))
    .leftJoin(quotes, eq(quotes.id, numberTies.quoteId))
    .where(
      and(
        inArray(numberTies.year, years),
        eq(numberTies.notFigure, false),
        or(and(isNotNull(numberTies.blockId), isNull(textBlocks.deletedAt)), and(isNotNull(numberTies.quoteId), isNull(quotes.deletedAt))),
      ),
    )
    .orderBy(numberTies.blockId, numberTies.quoteId, numberTies.offset);
  for (const tie of ties) {
    if (!isFigureOfItsYear(tie)) continue;
    const figure = { unit: tie.unit, value: tie.value, qualifier: tie.qualifier, wording: tie.wording };
    const written = findWrittenNumbers(tie.written)[0];
    if (!written || statesFigure(written, figure)) continue;
    const where =
      tie.blockId !== null
        ? `The ${KIND_NAMES[tie.blockKind!]} “${opening(tie.blockHead ?? "")}” (block ${tie.blockId})`
        : `The quote of ${tie.speaker} (quote ${tie.quoteId})`;
    const now = figure.value === null ? "has no value this year" : `is now ${printFigure(figure)}`;
    if (!checksByYear.has(tie.year)) checksByYear.set(tie.year, []);
    checksByYear.get(tie.year)!.push({
      kind: "text",
      severity: "error",
      message: `${where} says “${tie.written}”, but ${tie.label} (${tie.metricKey}) ${now}`,
      metricKey: tie.metricKey,
      ...(tie.blockId !== null ? { blockId: tie.blockId } : { quoteId: tie.quoteId! }),
    });
  }
  return checksByYear;
}
