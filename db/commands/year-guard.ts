import "server-only";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { reportingYears } from "../schema";
import type { Executor } from "../client";

/**
 * Inside a write's transaction: the year exists and is open. `for share` makes a concurrent
 * lock wait until this write commits, and a write that starts after the lock see it: no
 * write can slip into a year after it was signed off.
 */
export async function assertYearOpen(tx: Executor, year: number): Promise<void> {
  const [row] = await tx.select({ status: reportingYears.status }).from(reportingYears).where(eq(reportingYears.year, year)).for("share");
  if (!row) throw yearMissing(year);
  if (row.status === "locked") throw yearLocked(year);
}

// Shared with the value save, whose year check runs inside the database (drizzle/0006).
export const yearMissing = (year: number) => new AppError("not_found", `The year ${year} does not exist: open it first`);
export const yearLocked = (year: number) => new AppError("locked", `The year ${year} is locked: an admin must unlock it before it can change`);
