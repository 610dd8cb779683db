import type { ValueBody } from "@/lib/validation/api";
import { pickProvenance } from "@/lib/validation/provenance";

/** A stored value as the database layer reads it: the fields of the API's `Value`, its moment still a Date. */
export type StoredValue = Omit<ValueBody, "updatedAt"> & { updatedAt: Date | null };

/**
 * The one mapper from a stored value to the API's `Value` body: a year's list, a save's answer
 * and a conflict's `current` (built in `db/commands/values.ts`, which cannot reach `server/`).
 * Fields are picked, so a wider row (with label, unit, ids) gives exactly the body.
 */
export function toValueBody(v: StoredValue): ValueBody {
  return {
    metricKey: v.metricKey,
    value: v.value,
    qualifier: v.qualifier,
    note: v.note,
    source: v.source,
    ...pickProvenance(v),
    version: v.version,
    updatedAt: v.updatedAt?.toISOString() ?? null,
    updatedBy: v.updatedBy,
  };
}
