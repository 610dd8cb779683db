import { index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/** Append-only: a trigger (see drizzle/0001) refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: integer("actor_id").references(() => users.id),
    // Kept beside the id: a failed sign-in has an email but no user.
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    year: integer("year"),
    metricKey: text("metric_key"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    ip: text("ip"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorId, t.id),
    index("audit_log_action_idx").on(t.action, t.id),
    index("audit_log_year_idx").on(t.year, t.id),
    index("audit_log_metric_idx").on(t.metricKey, t.id),
  ],
);
