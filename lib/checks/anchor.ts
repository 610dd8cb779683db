import type { Check } from "./types";

/** Where on the year page a check points: its block, quote or figure (the ids those elements carry). */
export function checkAnchor(check: Check): string | null {
  if (check.blockId !== undefined) return `block-${check.blockId}`;
  if (check.quoteId !== undefined) return `quote-${check.quoteId}`;
  if (check.metricKey !== undefined) return `figure-${check.metricKey}`;
  return null;
}
