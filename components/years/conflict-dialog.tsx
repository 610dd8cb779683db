"use client";

import type { ValueBody } from "@/lib/validation/api";
import type { Unit } from "@/lib/domain";
import { formatValue } from "@/lib/numbers/format";
import { parseHumanNumber } from "@/lib/numbers/parse";
import { EDITED_FIELDS, FIELD_LABELS, type Draft, type EditedField } from "@/lib/grid/model";
import { Modal } from "@/components/ui/modal";
import { formatUtc } from "@/lib/time/utc";

type Props = {
  label: string;
  unit: Unit;
  /** The row as it is now in the database; null if it no longer exists. */
  theirs: ValueBody | null;
  mine: Draft;
  /** The fields I changed: keeping mine writes only these. */
  changed: EditedField[];
  onKeepTheirs: () => void;
  onKeepMine: () => void;
  onClose: () => void;
};

const qualifierOf = (q: string | null | undefined) => (q === "over" || q === "about" ? q : null);

function theirField(theirs: ValueBody | null, field: EditedField, unit: Unit): string {
  if (!theirs) return "—";
  if (field === "value") return theirs.value === null ? "No value" : formatValue(theirs.value, unit, null);
  return theirs[field] ?? "—";
}

function myField(mine: Draft, field: EditedField, unit: Unit): string {
  if (field === "value") {
    if (!mine.value.trim()) return "No value";
    const parsed = parseHumanNumber(mine.value);
    return parsed.ok ? formatValue(parsed.value, unit, null) : mine.value;
  }
  if (field === "qualifier") return qualifierOf(mine.qualifier) ?? "—";
  return mine[field].trim() || "—";
}

/**
 * Someone saved the figure since it was loaded: theirs and mine field by field, the fields I
 * changed marked. Keeping mine writes only those fields over their save; the rest stays theirs.
 */
export function ConflictDialog({ label, unit, theirs, mine, changed, onKeepTheirs, onKeepMine, onClose }: Props) {
  const mineNames = changed.map((f) => FIELD_LABELS[f].toLowerCase()).join(", ");
  return (
    <Modal
      open
      onClose={onClose}
      title={`${label} was changed by someone else`}
      description={
        theirs?.updatedBy
          ? `${theirs.updatedBy} saved it at ${formatUtc(theirs.updatedAt)}, after you loaded this page.`
          : "It changed after you loaded this page."
      }
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Their saved version and your unsaved changes, field by field</caption>
        <thead>
          <tr className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
            <th scope="col" className="py-2 pr-3">
              Field
            </th>
            <th scope="col" className="py-2 pr-3">
              Theirs{theirs ? ` (version ${theirs.version})` : ""}
            </th>
            <th scope="col" className="py-2">
              Yours (not saved)
            </th>
          </tr>
        </thead>
        <tbody>
          {EDITED_FIELDS.map((field) => {
            const mineChanged = changed.includes(field);
            return (
              <tr key={field} className="border-b border-gray-100 align-top" data-testid={`conflict-${field}`}>
                <th scope="row" className="py-2 pr-3 font-medium text-gray-800">
                  {FIELD_LABELS[field]}
                </th>
                <td className="break-words py-2 pr-3 tabular-nums text-gray-900" data-testid={`conflict-theirs-${field}`}>
                  {theirField(theirs, field, unit)}
                </td>
                <td className={`break-words py-2 tabular-nums ${mineChanged ? "font-semibold text-blue-900" : "text-gray-500"}`}>
                  <span data-testid={`conflict-mine-${field}`}>{mineChanged ? myField(mine, field, unit) : "not changed"}</span>
                  {mineChanged ? <span className="ml-1 rounded bg-blue-100 px-1 text-xs font-medium text-blue-900">changed by you</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-3 text-sm text-gray-700">
        {changed.length > 0
          ? `Keeping your changes writes only your ${mineNames}; everything else stays as they saved it, and the revision says so.`
          : "You changed nothing that differs from their save."}
      </p>
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <button type="button" className="btn-secondary" onClick={onKeepTheirs}>
          Keep theirs
        </button>
        <button type="button" className="btn-danger" onClick={onKeepMine} disabled={changed.length === 0}>
          Keep my changes
        </button>
      </div>
    </Modal>
  );
}
