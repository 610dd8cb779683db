import { softLimitWarnings, type PreviousFigure, type SoftLimits } from "@/lib/checks/soft-limits";
import type { Unit } from "@/lib/domain";

type Props = { id: string; value: number | null; metric: SoftLimits & { unit: Unit }; previous: PreviousFigure | null; breakSincePrevious: boolean };

/** The soft-limit warnings of the typed value, from the function the server's checks use; they never stop a save. */
export function SoftLimitHint({ id, value, metric, previous, breakSincePrevious }: Props) {
  const warnings = softLimitWarnings(value, metric, previous, breakSincePrevious);
  return (
    <p id={id} aria-live="polite" className="text-xs text-amber-900" data-testid="soft-limit">
      {warnings.map((w) => `Check: ${w.message}.`).join(" ")}
    </p>
  );
}
