"use client";

import type { SavedValue } from "@/db/commands/values";
import type { Unit } from "@/lib/domain";
import { formatValue } from "@/lib/numbers/format";
import { Modal } from "@/components/ui/modal";
import { formatWhen } from "./when";

type Mine = { value: number | null; qualifier?: "over" | "about" | null; source?: string | null; note?: string | null };

type Props = {
  label: string;
  unit: Unit;
  /** The row as it is now in the database; null if it no longer exists. */
  theirs: SavedValue | null;
  mine: Mine;
  onKeepTheirs: () => void;
  onOverwrite: () => void;
  onClose: () => void;
};

const figure = (value: number | null, unit: Unit, qualifier: "over" | "about" | null) => (value === null ? "No value" : formatValue(value, unit, qualifier));

/** Someone saved the value since it was loaded: show both versions and let the editor choose knowingly. */
export function ConflictDialog({ label, unit, theirs, mine, onKeepTheirs, onOverwrite, onClose }: Props) {
  return (
    <Modal
      open
      onClose={onClose}
      title={`${label} was changed by someone else`}
      description={
        theirs?.updatedBy
          ? `${theirs.updatedBy} saved it at ${formatWhen(theirs.updatedAt)}, after you loaded this page.`
          : "It changed after you loaded this page."
      }
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <section aria-labelledby="conflict-theirs" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <h3 id="conflict-theirs" className="font-medium">
            Theirs{theirs ? ` (version ${theirs.version})` : ""}
          </h3>
          <p className="mt-1 text-lg font-semibold tabular-nums" data-testid="conflict-theirs-value">
            {figure(theirs?.value ?? null, unit, theirs?.qualifier ?? null)}
          </p>
          {theirs?.source ? <p className="mt-1 break-words text-gray-700">Source: {theirs.source}</p> : null}
          {theirs?.note ? <p className="mt-1 break-words text-gray-700">Note: {theirs.note}</p> : null}
        </section>
        <section aria-labelledby="conflict-mine" className="rounded-md border border-blue-300 bg-blue-50 p-3 text-sm">
          <h3 id="conflict-mine" className="font-medium">
            Yours (not saved)
          </h3>
          <p className="mt-1 text-lg font-semibold tabular-nums" data-testid="conflict-mine-value">
            {figure(mine.value, unit, mine.qualifier ?? null)}
          </p>
          {mine.source ? <p className="mt-1 break-words text-gray-700">Source: {mine.source}</p> : null}
          {mine.note ? <p className="mt-1 break-words text-gray-700">Note: {mine.note}</p> : null}
        </section>
      </div>
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <button type="button" className="btn-secondary" onClick={onKeepTheirs}>
          Keep theirs
        </button>
        <button type="button" className="btn-danger" onClick={onOverwrite}>
          Overwrite with mine
        </button>
      </div>
    </Modal>
  );
}
