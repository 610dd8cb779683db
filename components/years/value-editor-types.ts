import type { PreviousValue } from "@/db/queries/previous-year";
import type { MetricBody, ValueBody } from "@/lib/validation/api";

/** A figure of an open year as the entry grid gets it: the stored value and the metric's rules. */
export type EditableValue = ValueBody &
  Pick<MetricBody, "label" | "section" | "unit" | "direction" | "min" | "max" | "warnMin" | "warnMax" | "warnChangePct"> & { breakSincePrevious: boolean };
/** The metric's value in the nearest earlier year that has one. */
export type PreviousFigure = Omit<PreviousValue, "metricKey">;
