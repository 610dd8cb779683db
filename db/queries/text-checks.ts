import "server-only";
import { and, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { Check } from "@/lib/checks/types";
import { statesFigure } from "@/lib/chapter/ties";
import { findWrittenNumbers } from "@/lib/chapter/written-numbers";
import { printFigure } from "@/lib/numbers/printed";
import { numberTies, quotes, textBlocks } from "../schema";
import type { Executor } from "../client";
import { listFiguresOfYears } from "./year-figures";

const KIND_NAMES = { heading: "heading", paragraph: "paragraph", list_item: "list item", caption: "caption", operation: "operation" } as const;

/** The first words of a text, to name a block in a message a person can find it by. */
function opening(text: string): string {
  const plain = text.replace(/\*\*/g, "").replace(/\s+/g, " ").trim();
  return plain.length > 48 ? `${plain.slice(0, 45).trimEnd()}…` : plain;
}

/**
 * Every `text` check of the year: a number written in a live block or quote, tied to a figure,
 * that no longer states the figure's current value. Two queries, whatever the number of blocks.
 */
export async function listTextChecks(db: Executor, year: number): Promise<Check[]> {
  return (await listTextChecksOfYears(db, [year])).get(year) ?? [];
}

/** `listTextChecks` of several years (the dashboard's), in the same two queries. */
export async function listTextChecksOfYears(db: Executor, years: number[]): Promise<Map<number, Check[]>> {
  const checksByYear = new Map(years.map((y) => [y, [] as Check[]]));
  if (years.length === 0) return checksByYear;
  const ties = await db
    .select({
      id: numberTies.id,
      year: numberTies.year,
      metricId: numberTies.metricId,
      written: numberTies.written,
      blockId: numberTies.blockId,
      quoteId: numberTies.quoteId,
      blockKind: textBlocks.kind,
      blockText: textBlocks.text,
      speaker: quotes.speaker,
    })
    .from(numberTies)
    .leftJoin(textBlocks, eq(textBlocks.id, numberTies.blockId))
    .leftJoin(quotes, eq(quotes.id, numberTies.quoteId))
    .where(
      and(
        inArray(numberTies.year, years),
        isNotNull(numberTies.metricId),
        eq(numberTies.notFigure, false),
        or(and(isNotNull(numberTies.blockId), isNull(textBlocks.deletedAt)), and(isNotNull(numberTies.quoteId), isNull(quotes.deletedAt))),
      ),
    )
    .orderBy(numberTies.blockId, numberTies.quoteId, numberTies.offset);
  if (ties.length === 0) return checksByYear;
  const figuresOfYears = await listFiguresOfYears(db, [...new Set(ties.map((t) => t.year))]);
  const figures = new Map([...figuresOfYears].map(([year, list]) => [year, new Map(list.map((f) => [f.metricId, f]))]));
  for (const tie of ties) {
    const figure = figures.get(tie.year)?.get(tie.metricId!);
    const written = findWrittenNumbers(tie.written)[0];
    if (!figure || !written || statesFigure(written, figure)) continue;
    const where =
      tie.blockId !== null
        ? `The ${KIND_NAMES[tie.blockKind!]} “${opening(tie.blockText ?? "")}” (block ${tie.blockId})`
        : `The quote of ${tie.speaker} (quote ${tie.quoteId})`;
    const now = figure.value === null ? "has no value this year" : `is now ${printFigure(figure)}`;
    checksByYear.get(tie.year)!.push({
      kind: "text",
      severity: "error",
      message: `${where} says “${tie.written}”, but ${figure.label} (${figure.metricKey}) ${now}`,
      metricKey: figure.metricKey,
      ...(tie.blockId !== null ? { blockId: tie.blockId } : { quoteId: tie.quoteId! }),
    });
  }
  return checksByYear;
}
