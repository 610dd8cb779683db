"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { setTieAction } from "@/server/actions/text";
import type { FigureChoice } from "./figure-text-input";
import { reach } from "@/components/ui/reach";

export type NumberItem = { id: number; text: string; metricKey: string | null; status: "tied" | "untied" | "not_figure"; states: boolean | null };

/**
 * The numbers written in one block: what each is tied to and whether it still states its
 * figure; an untied one can be tied to a figure by hand or set aside as not a figure.
 */
export function WrittenNumbers({
  ownerId,
  numbers,
  figures,
  editable,
}: {
  ownerId: string;
  numbers: NumberItem[];
  figures: FigureChoice[];
  editable: boolean;
}) {
  const shown = numbers.filter((n) => n.status !== "not_figure");
  if (shown.length === 0) return null;
  const labelOf = new Map(figures.map((f) => [f.key, f]));
  return (
    <div className="mt-3 border-t border-gray-100 pt-3">
      <h4 className="text-xs font-medium uppercase tracking-wide text-gray-600">Numbers written here</h4>
      <ul className="mt-1 space-y-1 text-sm">
        {shown.map((n) => {
          const figure = n.metricKey ? labelOf.get(n.metricKey) : undefined;
          if (n.status === "tied") {
            return (
              <li key={n.id} className={n.states ? "text-gray-700" : "font-medium text-red-800"}>
                “{n.text}” {n.states ? "states" : "no longer states"} {figure?.label ?? n.metricKey}
                {n.states ? "" : `, now ${figure?.printed ?? "without a value"}`}
              </li>
            );
          }
          return <UntiedNumber key={n.id} ownerId={ownerId} number={n} figures={figures} editable={editable} />;
        })}
      </ul>
    </div>
  );
}

function UntiedNumber({ ownerId, number, figures, editable }: { ownerId: string; number: NumberItem; figures: FigureChoice[]; editable: boolean }) {
  const router = useRouter();
  const [metricKey, setMetricKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selectId = `tie-${ownerId}-${number.id}`;

  async function decide(decision: { metricKey: string } | { notFigure: true }) {
    setBusy(true);
    const result = await reach(setTieAction({ params: { id: number.id }, body: decision }));
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(result.message);
  }

  return (
    <li className="flex flex-wrap items-center gap-2 text-gray-700">
      <span>“{number.text}” is not tied to a figure</span>
      {editable ? (
        <>
          <label htmlFor={selectId} className="sr-only">
            Tie “{number.text}” to
          </label>
          <select id={selectId} className="rounded-md border-gray-300 py-1 text-sm" value={metricKey} onChange={(e) => setMetricKey(e.target.value)}>
            <option value="">Tie to…</option>
            {figures.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label} ({f.printed})
              </option>
            ))}
          </select>
          <button type="button" className="btn-secondary px-2.5 py-1 text-xs" disabled={!metricKey || busy} onClick={() => void decide({ metricKey })}>
            Tie
          </button>
          <button type="button" className="btn-secondary px-2.5 py-1 text-xs" disabled={busy} onClick={() => void decide({ notFigure: true })}>
            Not a figure
          </button>
        </>
      ) : null}
      {error ? (
        <span role="alert" className="text-red-800">
          {error}
        </span>
      ) : null}
    </li>
  );
}
