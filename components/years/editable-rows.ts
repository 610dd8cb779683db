import type { Metric } from "@/db/queries/catalog";
import type { YearValueRow } from "@/db/queries/years";
import { toValueBody } from "@/server/api/serialize";
import type { EditableValue } from "./value-editor-types";

/** The grid's rows: each stored value with its metric's bounds, and whether its series breaks since the previous figure. */
export function editableRows(values: readonly YearValueRow[], metrics: readonly Metric[], breakSincePrevious: ReadonlySet<string>): EditableValue[] {
  const bounds = new Map(metrics.map((m) => [m.key, m]));
  return values.map((v) => {
    const metric = bounds.get(v.metricKey);
    return {
      ...toValueBody(v),
      label: v.label,
      section: v.section,
      unit: v.unit,
      direction: v.direction,
      min: metric?.min ?? null,
      max: metric?.max ?? null,
      warnMin: metric?.warnMin ?? null,
      warnMax: metric?.warnMax ?? null,
      warnChangePct: metric?.warnChangePct ?? null,
      breakSincePrevious: breakSincePrevious.has(v.metricKey),
    };
  });
}
