import type { SavedValue } from "@/db/commands/values";
import type { Qualifier, Unit } from "@/lib/domain";
import type { SoftLimits } from "@/lib/checks/soft-limits";

/** A figure of an open year as the entry grid gets it: the stored value and the metric's rules. */
export type EditableValue = SavedValue &
  SoftLimits & { label: string; section: string; unit: Unit; min: number | null; max: number | null; breakSincePrevious: boolean };
export type PreviousFigure = { year: number; value: number; qualifier: Qualifier };
