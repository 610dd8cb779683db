/**
 * Soft limits of one value: outside `warnMin`/`warnMax`, or changed by more than `warnChangePct`
 * against the previous year with a value. Pure, so the value editor warns as the editor types
 * with the very function the server's `range` and `outlier` checks use.
 */
import { DEFAULT_WARN_CHANGE_PCT, type Unit } from "@/lib/domain";
import { formatPercentChange, formatValue } from "@/lib/numbers/format";

export type SoftLimits = { warnMin: number | null; warnMax: number | null; warnChangePct: number | null };
export type PreviousFigure = { year: number; value: number };
export type SoftLimitWarning = { kind: "range" | "outlier"; message: string };

export function softLimitWarnings(
  value: number | null,
  metric: SoftLimits & { unit: Unit },
  previous: PreviousFigure | null,
  /** A series break after the previous year and up to this one: the change is not comparable. */
  breakSincePrevious = false,
): SoftLimitWarning[] {
  if (value === null || !Number.isFinite(value)) return [];
  const warnings: SoftLimitWarning[] = [];
  const shown = formatValue(value, metric.unit);
  if (metric.warnMin !== null && value < metric.warnMin) {
    warnings.push({ kind: "range", message: `${shown} is below the usual minimum of ${formatValue(metric.warnMin, metric.unit)}` });
  }
  if (metric.warnMax !== null && value > metric.warnMax) {
    warnings.push({ kind: "range", message: `${shown} is above the usual maximum of ${formatValue(metric.warnMax, metric.unit)}` });
  }
  // A change from zero has no percentage; across a break the two figures measure different things.
  if (previous && previous.value !== 0 && !breakSincePrevious) {
    const pct = ((value - previous.value) / Math.abs(previous.value)) * 100;
    const limit = metric.warnChangePct ?? DEFAULT_WARN_CHANGE_PCT;
    if (Math.abs(pct) > limit) {
      warnings.push({
        kind: "outlier",
        message: `${shown} is ${formatPercentChange(Math.round(pct * 10) / 10)} against ${formatValue(previous.value, metric.unit)} in ${previous.year}, more than the usual ${limit}% change`,
      });
    }
  }
  return warnings;
}
