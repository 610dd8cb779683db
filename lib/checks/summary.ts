import type { Check } from "./types";

export type CheckCounts = { error: number; warning: number };

export function countChecks(checks: readonly Check[]): CheckCounts {
  return { error: checks.filter((c) => c.severity === "error").length, warning: checks.filter((c) => c.severity === "warning").length };
}

/** The checks that stop a lock unless it is overridden with a reason. */
export const blockingChecks = (checks: readonly Check[]) => checks.filter((c) => c.severity === "error");
