import "server-only";
import { desc, eq } from "drizzle-orm";
import { quoteRevisions, quotes, users } from "../schema";
import type { Executor } from "../client";

/** The fields of a quote a revision records; the history says which of them each revision changed. */
const QUOTE_FIELDS = ["text", "speaker", "title", "section"] as const;
export type QuoteField = (typeof QUOTE_FIELDS)[number];

export type QuoteRevisionView = {
  id: number;
  version: number;
  action: "create" | "update" | "delete";
  speaker: string;
  title: string;
  section: string;
  text: string;
  /** Fields that differ from the revision before; empty for the first one and for a deletion. */
  changed: QuoteField[];
  changedBy: string | null;
  changedAt: string;
  reason: string | null;
};

export type QuoteHistory = { id: number; year: number; deleted: boolean; revisions: QuoteRevisionView[] };

/**
 * Every revision of a quote (a deleted one too: its revisions outlive it), newest first;
 * null when there never was such a quote. Revisions hold whole quotes, so what each one
 * changed is found by comparing it with the one before.
 */
export async function listQuoteHistory(db: Executor, id: number): Promise<QuoteHistory | null> {
  const [quote] = await db.select({ id: quotes.id, year: quotes.year, deletedAt: quotes.deletedAt }).from(quotes).where(eq(quotes.id, id));
  if (!quote) return null;
  const rows = await db
    .select({ revision: quoteRevisions, userName: users.name })
    .from(quoteRevisions)
    .leftJoin(users, eq(users.id, quoteRevisions.changedBy))
    .where(eq(quoteRevisions.quoteId, id))
    .orderBy(desc(quoteRevisions.id));
  const revisions = rows.map(({ revision: r, userName }) => ({
    id: r.id,
    version: r.version,
    action: r.action,
    speaker: r.speaker,
    title: r.title,
    section: r.sectionKey,
    text: r.text,
    changed: [] as QuoteField[],
    changedBy: userName ?? r.attribution,
    changedAt: r.changedAt.toISOString(),
    reason: r.reason,
  }));
  revisions.forEach((r, i) => {
    const before = revisions[i + 1];
    if (before && r.action === "update") r.changed = QUOTE_FIELDS.filter((f) => r[f] !== before[f]);
  });
  return { id: quote.id, year: quote.year, deleted: quote.deletedAt !== null, revisions };
}
