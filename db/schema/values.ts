import { sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { metrics } from "./metrics";
import { users } from "./users";
import { reportingYears } from "./years";

export const metricValues = pgTable(
  "metric_values",
  {
    id: serial("id").primaryKey(),
    metricId: integer("metric_id")
      .notNull()
      .references(() => metrics.id),
    year: integer("year")
      .notNull()
      .references(() => reportingYears.year),
    value: doublePrecision("value"),
    qualifier: text("qualifier", { enum: ["over", "about"] }),
    note: text("note"),
    source: text("source"),
    // The report's own hedge words ("more than", "+"), printed in place of the qualifier's.
    wording: text("wording"),
    // Structured provenance beside the free-text source (Our World in Data keeps origins so).
    sourceProducer: text("source_producer"),
    sourceTitle: text("source_title"),
    sourceUrl: text("source_url"),
    sourcePublished: text("source_published"),
    sourceAccessed: text("source_accessed"),
    sourcePhrase: text("source_phrase"),
    version: integer("version").notNull().default(1),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("metric_values_metric_year_idx").on(t.metricId, t.year),
    index("metric_values_year_idx").on(t.year),
    index("metric_values_updated_at_idx").on(t.updatedAt),
    check("metric_values_qualifier_check", sql`${t.qualifier} is null or ${t.qualifier} in ('over', 'about')`),
  ],
);

/** Append-only: a trigger (see drizzle/0001) refuses UPDATE and DELETE. */
export const valueRevisions = pgTable(
  "value_revisions",
  {
    id: serial("id").primaryKey(),
    valueId: integer("value_id")
      .notNull()
      .references(() => metricValues.id),
    metricId: integer("metric_id").notNull(),
    year: integer("year").notNull(),
    value: doublePrecision("value"),
    qualifier: text("qualifier", { enum: ["over", "about"] }),
    note: text("note"),
    source: text("source"),
    // The report's own hedge words ("more than", "+"), printed in place of the qualifier's.
    wording: text("wording"),
    // Structured provenance beside the free-text source (Our World in Data keeps origins so).
    sourceProducer: text("source_producer"),
    sourceTitle: text("source_title"),
    sourceUrl: text("source_url"),
    sourcePublished: text("source_published"),
    sourceAccessed: text("source_accessed"),
    sourcePhrase: text("source_phrase"),
    version: integer("version").notNull(),
    changedBy: integer("changed_by").references(() => users.id),
    // Who wrote it when no user did: the seeded edition says "2023 edition (seed)".
    attribution: text("attribution"),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    reason: text("reason"),
  },
  (t) => [index("value_revisions_value_idx").on(t.valueId, t.id), index("value_revisions_changed_at_idx").on(t.changedAt)],
);

export type MetricValueRow = typeof metricValues.$inferSelect;
