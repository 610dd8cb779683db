import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { metrics } from "./metrics";
import { users } from "./users";
import { reportingYears } from "./years";

/** A thread per value: reviewers ask about a figure, editors answer; unresolved ones are `comment` checks. */
export const valueComments = pgTable(
  "value_comments",
  {
    id: serial("id").primaryKey(),
    year: integer("year")
      .notNull()
      .references(() => reportingYears.year),
    metricId: integer("metric_id")
      .notNull()
      .references(() => metrics.id),
    text: text("text").notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: integer("resolved_by").references(() => users.id),
  },
  (t) => [index("value_comments_year_metric_idx").on(t.year, t.metricId, t.id)],
);
