import "server-only";
import { and, asc, eq, isNotNull, isNull, or } from "drizzle-orm";
import { metrics, numberTies, quotes, textBlocks } from "../schema";
import type { Executor } from "../client";
import { readTogether } from "../read-together";
import { viewNumbers, type WrittenNumberView } from "./blocks";
import { listYearFiguresCached } from "./year-figures";

export type YearWrittenNumber = WrittenNumberView & { blockId: number | null; quoteId: number | null };

/** Every number written in the year's live blocks and quotes, with its tie judged against today's figures. Two queries, side by side. */
export async function listYearWrittenNumbers(db: Executor, year: number, opts: { status?: WrittenNumberView["status"] } = {}): Promise<YearWrittenNumber[]> {
  const [rows, figures] = await readTogether(db, [
    () =>
      db
        .select({ tie: numberTies, metricKey: metrics.key })
        .from(numberTies)
        .leftJoin(metrics, eq(metrics.id, numberTies.metricId))
        .leftJoin(textBlocks, eq(textBlocks.id, numberTies.blockId))
        .leftJoin(quotes, eq(quotes.id, numberTies.quoteId))
        .where(
          and(
            eq(numberTies.year, year),
            or(and(isNotNull(numberTies.blockId), isNull(textBlocks.deletedAt)), and(isNotNull(numberTies.quoteId), isNull(quotes.deletedAt))),
          ),
        )
        .orderBy(asc(numberTies.blockId), asc(numberTies.quoteId), asc(numberTies.offset)),
    () => listYearFiguresCached(db, year),
  ]);
  const ties = rows.map((r) => ({ ...r.tie, metricKey: r.metricKey }));
  const views = viewNumbers(ties, figures);
  return views.map((v, i) => ({ ...v, blockId: ties[i]!.blockId, quoteId: ties[i]!.quoteId })).filter((v) => !opts.status || v.status === opts.status);
}
