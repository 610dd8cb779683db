import { sql } from "drizzle-orm";
import { check, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { metrics } from "./metrics";
import { reportingYears } from "./years";

/**
 * What each metric of a locked year was called when the year was locked: its label, unit and
 * section (with the section's title). Written by the lock command in its transaction and
 * deleted by unlock, so a locked year's pages and exports keep the names it was signed off with
 * however the metric is renamed, moved or archived later.
 */
export const lockedMetricLabels = pgTable(
  "locked_metric_labels",
  {
    year: integer("year")
      .notNull()
      .references(() => reportingYears.year),
    metricId: integer("metric_id")
      .notNull()
      .references(() => metrics.id),
    label: text("label").notNull(),
    unit: text("unit", { enum: ["count", "percent", "usd", "km", "km2", "m2"] }).notNull(),
    sectionKey: text("section_key").notNull(),
    sectionTitle: text("section_title").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.metricId] }),
    check("locked_metric_labels_unit_check", sql`${t.unit} in ('count', 'percent', 'usd', 'km', 'km2', 'm2')`),
  ],
);
