import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

export const reportingYears = pgTable(
  "reporting_years",
  {
    year: integer("year").primaryKey(),
    status: text("status", { enum: ["open", "locked"] }).notNull().default("open"),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    lockedBy: integer("locked_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: integer("created_by").references(() => users.id),
  },
  (t) => [
    check("reporting_years_status_check", sql`${t.status} in ('open', 'locked')`),
    check("reporting_years_year_check", sql`${t.year} between 1945 and 2100`),
  ],
);

export type ReportingYearRow = typeof reportingYears.$inferSelect;
