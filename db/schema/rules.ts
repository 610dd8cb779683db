import { sql } from "drizzle-orm";
import { check, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/** An admin's check over a year's figures, e.g. `peacekeepers_women <= peacekeepers_total` (lib/rules/expression.ts). */
export const validationRules = pgTable(
  "validation_rules",
  {
    id: serial("id").primaryKey(),
    key: text("key").notNull().unique(),
    expression: text("expression").notNull(),
    severity: text("severity", { enum: ["error", "warning"] }).notNull(),
    message: text("message"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("validation_rules_severity_check", sql`${t.severity} in ('error', 'warning')`),
    check("validation_rules_key_check", sql`${t.key} ~ '^[a-z0-9][a-z0-9_-]{0,63}$'`),
  ],
);
