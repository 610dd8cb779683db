"use client";

import { useState } from "react";
import { blockHistoryAction } from "@/server/actions/text";
import type { BlockRevisionView } from "@/db/queries/blocks";
import { formatUtc } from "@/lib/time/utc";
import { RenderedText } from "./rendered-text";
import { reach } from "@/components/ui/reach";

const ACTIONS: Record<BlockRevisionView["action"], string> = { create: "Written", update: "Changed", move: "Moved", delete: "Deleted" };

/** A block's revisions, read when the reader opens them: who, when, why, and the words at each version. */
export function BlockHistory({ blockId }: { blockId: number }) {
  const [revisions, setRevisions] = useState<BlockRevisionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(open: boolean) {
    if (!open || revisions) return;
    const result = await reach(blockHistoryAction({ params: { id: blockId } }));
    if (result.ok) setRevisions(result.data.revisions);
    else setError(result.message);
  }

  return (
    <details className="mt-2 text-sm" onToggle={(e) => void load(e.currentTarget.open)}>
      <summary className="cursor-pointer text-blue-800">History</summary>
      {error ? (
        <p role="alert" className="mt-1 text-red-800">
          {error}
        </p>
      ) : null}
      {revisions === null && !error ? <p className="mt-1 text-gray-600">Loading…</p> : null}
      {revisions ? (
        <ol className="mt-2 space-y-2">
          {revisions.map((r) => (
            <li key={r.id} className="rounded-md bg-gray-50 p-2">
              <p className="text-xs text-gray-700">
                {ACTIONS[r.action]} (version {r.version}, position {r.position}) by {r.changedBy ?? "someone no longer known"} on{" "}
                <time dateTime={r.changedAt}>{formatUtc(r.changedAt)}</time>
                {r.reason ? ` · ${r.reason}` : ""}
              </p>
              <p className="mt-1 whitespace-pre-wrap text-gray-800">
                <RenderedText text={r.text} />
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </details>
  );
}
