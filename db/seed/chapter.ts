import { count, eq } from "drizzle-orm";
import { z } from "zod";
import { BLOCK_KINDS } from "@/lib/domain";
import { revisionOf } from "../commands/blocks";
import { tieNewTexts } from "../commands/number-ties";
import type { Executor } from "../client";
import * as schema from "../schema";
import chapter from "./chapter-2023.json";

/** Who wrote the seeded edition's text and figures: the published report, not a person of the desk. */
export const SEED_ATTRIBUTION = "2023 edition (seed)";
export const HISTORY_ATTRIBUTION = "Public sources (seed)";

/**
 * db/seed/chapter-2023.json: the 2023 chapter transcribed from fostering-peace-and-security-2023.txt,
 * block by block in chapter order, bold figure phrases as live figures where the printed figure reads
 * as the source does; the section the chapter's opening belongs to; the report's own hedge words.
 */
const chapterSchema = z.object({
  year: z.number().int(),
  section: z.object({ key: z.string(), title: z.string(), order: z.number().int() }),
  wording: z.record(z.string(), z.string()),
  blocks: z.array(z.object({ section: z.string(), kind: z.enum(BLOCK_KINDS), text: z.string(), attributes: z.record(z.string(), z.string()) })),
});

export function loadChapter() {
  return chapterSchema.parse(chapter);
}

/**
 * The seeded edition's blocks, when the year has none at all (not even deleted ones: an
 * editor's deletions are kept). Positions follow the file's order within each section; the
 * written numbers are tied as a save would tie them; revisions say who wrote them.
 */
export async function seedChapterBlocks(tx: Executor, year: number): Promise<number> {
  const data = loadChapter();
  const [existing] = await tx.select({ n: count() }).from(schema.textBlocks).where(eq(schema.textBlocks.year, year));
  if ((existing?.n ?? 0) > 0 || data.year !== year) return 0;
  const nextPosition = new Map<string, number>();
  const rows = data.blocks.map((b) => {
    const position = (nextPosition.get(b.section) ?? 0) + 1;
    nextPosition.set(b.section, position);
    return { year, kind: b.kind, sectionKey: b.section, position, text: b.text, attributes: b.attributes };
  });
  const inserted = await tx.insert(schema.textBlocks).values(rows).returning();
  await tx.insert(schema.blockRevisions).values(inserted.map((b) => revisionOf(b, "create", { attribution: SEED_ATTRIBUTION }, "seed: the published report")));
  await tieNewTexts(
    tx,
    year,
    inserted.map((b) => ({ owner: { blockId: b.id }, section: b.sectionKey, text: b.text })),
  );
  return inserted.length;
}
