import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

export const reportingYears = pgTable(
  "reporting_years",
  {
    year: integer("year").primaryKey(),
    status: text("status", { enum: ["open", "in_review", "locked"] })
      .notNull()
      .default("open"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: integer("submitted_by").references(() => users.id),
    // The reviewer's message when returning a year; shown on the year page until the next submit.
    returnMessage: text("return_message"),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    returnedBy: integer("returned_by").references(() => users.id),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    lockedBy: integer("locked_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: integer("created_by").references(() => users.id),
  },
  (t) => [
    check("reporting_years_status_check", sql`${t.status} in ('open', 'in_review', 'locked')`),
    check("reporting_years_year_check", sql`${t.year} between 1945 and 2100`),
  ],
);
