import { index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import type { Check } from "@/lib/checks/types";
import { users } from "./users";
import { reportingYears } from "./years";

/** Immutable: a trigger (see drizzle/0001) refuses UPDATE and DELETE. */
export const snapshots = pgTable(
  "snapshots",
  {
    id: serial("id").primaryKey(),
    year: integer("year")
      .notNull()
      .references(() => reportingYears.year),
    // The canonical JSON exactly as hashed; kept as text so its bytes never change.
    content: text("content").notNull(),
    sha256: text("sha256").notNull(),
    reason: text("reason"),
    // A lock that overrode failing error checks: the reason and those checks. Beside the content, not in
    // it, so the content's sha256 still says whether the figures are what was signed off.
    signOff: jsonb("sign_off").$type<{ overrideReason: string; failingChecks: Check[] }>(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("snapshots_year_idx").on(t.year, t.id)],
);

export type SnapshotRow = typeof snapshots.$inferSelect;
