import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { sections } from "./metrics";
import { users } from "./users";
import { reportingYears } from "./years";

export const quotes = pgTable(
  "quotes",
  {
    id: serial("id").primaryKey(),
    year: integer("year")
      .notNull()
      .references(() => reportingYears.year),
    speaker: text("speaker").notNull(),
    title: text("title").notNull(),
    sectionKey: text("section_key")
      .notNull()
      .references(() => sections.key),
    text: text("text").notNull(),
    version: integer("version").notNull().default(1),
    sortOrder: integer("sort_order").notNull().default(0),
    // Soft delete: the quote's revisions keep pointing at it, so its history survives.
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("quotes_year_idx").on(t.year, t.sortOrder)],
);

/** Append-only: a trigger (see drizzle/0001) refuses UPDATE and DELETE. */
export const quoteRevisions = pgTable(
  "quote_revisions",
  {
    id: serial("id").primaryKey(),
    quoteId: integer("quote_id")
      .notNull()
      .references(() => quotes.id),
    year: integer("year").notNull(),
    action: text("action", { enum: ["create", "update", "delete"] }).notNull(),
    speaker: text("speaker").notNull(),
    title: text("title").notNull(),
    sectionKey: text("section_key").notNull(),
    text: text("text").notNull(),
    version: integer("version").notNull(),
    changedBy: integer("changed_by").references(() => users.id),
    // Who wrote it when no user did: the seeded edition says "2023 edition (seed)".
    attribution: text("attribution"),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    reason: text("reason"),
  },
  (t) => [index("quote_revisions_quote_idx").on(t.quoteId, t.id)],
);

export type QuoteRow = typeof quotes.$inferSelect;
