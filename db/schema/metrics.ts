import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./users";

export const sections = pgTable("sections", {
  key: text("key").primaryKey(),
  title: text("title").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

export const metrics = pgTable(
  "metrics",
  {
    id: serial("id").primaryKey(),
    key: text("key").notNull().unique(),
    label: text("label").notNull(),
    sectionKey: text("section_key")
      .notNull()
      .references(() => sections.key),
    unit: text("unit", { enum: ["count", "percent", "usd", "km", "km2", "m2"] }).notNull(),
    direction: text("direction", { enum: ["up", "down", "neutral"] }).notNull(),
    description: text("description"),
    min: doublePrecision("min"),
    max: doublePrecision("max"),
    // Soft limits: a value outside them, or changing by more than warnChangePct, is a warning, never a refusal.
    warnMin: doublePrecision("warn_min"),
    warnMax: doublePrecision("warn_max"),
    warnChangePct: doublePrecision("warn_change_pct"),
    archived: boolean("archived").notNull().default(false),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("metrics_section_idx").on(t.sectionKey, t.sortOrder),
    check("metrics_unit_check", sql`${t.unit} in ('count', 'percent', 'usd', 'km', 'km2', 'm2')`),
    check("metrics_direction_check", sql`${t.direction} in ('up', 'down', 'neutral')`),
    check("metrics_key_check", sql`${t.key} ~ '^[a-z][a-z0-9_]{0,63}$'`),
  ],
);

/** The metric's definition changed from `year` on: changes across it are not comparable. */
export const metricBreaks = pgTable(
  "metric_breaks",
  {
    id: serial("id").primaryKey(),
    metricId: integer("metric_id")
      .notNull()
      .references(() => metrics.id),
    year: integer("year").notNull(),
    note: text("note").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("metric_breaks_metric_year_idx").on(t.metricId, t.year)],
);

export type MetricRow = typeof metrics.$inferSelect;
