import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { BLOCK_KINDS } from "@/lib/domain";
import { metrics, sections } from "./metrics";
import { quotes } from "./quotes";
import { users } from "./users";
import { reportingYears } from "./years";

/** The chapter's words: one heading, paragraph, list item, caption or operation of a year's section. */
export const textBlocks = pgTable(
  "text_blocks",
  {
    id: serial("id").primaryKey(),
    year: integer("year")
      .notNull()
      .references(() => reportingYears.year),
    kind: text("kind", { enum: BLOCK_KINDS }).notNull(),
    sectionKey: text("section_key")
      .notNull()
      .references(() => sections.key),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    attributes: jsonb("attributes").$type<Record<string, string>>().notNull().default({}),
    version: integer("version").notNull().default(1),
    // Soft delete, as quotes: the block's revisions keep pointing at it.
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("text_blocks_year_idx").on(t.year, t.sectionKey, t.position),
    check("text_blocks_kind_check", sql`${t.kind} in ('heading', 'paragraph', 'list_item', 'caption', 'operation')`),
  ],
);

/** Append-only: a trigger (see drizzle/0003_block_revisions_append_only) refuses UPDATE and DELETE. */
export const blockRevisions = pgTable(
  "block_revisions",
  {
    id: serial("id").primaryKey(),
    blockId: integer("block_id")
      .notNull()
      .references(() => textBlocks.id),
    year: integer("year").notNull(),
    action: text("action", { enum: ["create", "update", "move", "delete"] }).notNull(),
    kind: text("kind", { enum: BLOCK_KINDS }).notNull(),
    sectionKey: text("section_key").notNull(),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    attributes: jsonb("attributes").$type<Record<string, string>>().notNull(),
    version: integer("version").notNull(),
    changedBy: integer("changed_by").references(() => users.id),
    // Who wrote it when no user did: the seeded edition says "2023 edition (seed)".
    attribution: text("attribution"),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    reason: text("reason"),
  },
  (t) => [index("block_revisions_block_idx").on(t.blockId, t.id)],
);

/**
 * One number written out in a block or a quote, as found when the text was saved. `metricId`
 * set: the number states that figure (found, or tied by hand). Null and not `notFigure`: untied,
 * waiting for an author. Rewritten with the text, in the save's transaction.
 */
export const numberTies = pgTable(
  "number_ties",
  {
    id: serial("id").primaryKey(),
    year: integer("year")
      .notNull()
      .references(() => reportingYears.year),
    blockId: integer("block_id").references(() => textBlocks.id),
    quoteId: integer("quote_id").references(() => quotes.id),
    metricId: integer("metric_id").references(() => metrics.id),
    written: text("written").notNull(),
    writtenValue: doublePrecision("written_value").notNull(),
    hedge: text("hedge", { enum: ["over", "about"] }),
    offset: integer("offset").notNull(),
    byHand: boolean("by_hand").notNull().default(false),
    notFigure: boolean("not_figure").notNull().default(false),
  },
  (t) => [
    index("number_ties_year_idx").on(t.year),
    index("number_ties_block_idx").on(t.blockId),
    index("number_ties_quote_idx").on(t.quoteId),
    check("number_ties_owner_check", sql`(${t.blockId} is null) <> (${t.quoteId} is null)`),
    check("number_ties_hedge_check", sql`${t.hedge} is null or ${t.hedge} in ('over', 'about')`),
  ],
);

export type TextBlockRow = typeof textBlocks.$inferSelect;
export type NumberTieRow = typeof numberTies.$inferSelect;
