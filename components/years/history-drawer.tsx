"use client";

import Link from "next/link";
import { useState } from "react";
import { valueHistoryAction } from "@/server/actions/values";
import { HISTORY_PAGE_SIZE, historyPage } from "@/lib/history/page";
import type { Revision } from "@/db/queries/history";
import type { Unit } from "@/lib/domain";
import { Modal } from "@/components/ui/modal";
import { RevisionList } from "./revision-list";
import { reach } from "@/components/ui/reach";
import { ReadStatus } from "@/components/ui/read-status";
import { SUPERSEDED, useNewestRead } from "@/components/ui/newest-read";

type Props = { year: number; metricKey: string; label: string; unit: Unit };
type Loaded = { revisions: Revision[]; older: Revision | null; nextBefore: number | null };

/** A value's revisions in a drawer, a page at a time, read through the same query as the history page. */
export function HistoryDrawer({ year, metricKey, label, unit }: Props) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const newest = useNewestRead();

  async function load(before?: number) {
    setLoading(true);
    setError(null);
    const result = await newest(reach(valueHistoryAction({ params: { year, metricKey }, query: { before, limit: HISTORY_PAGE_SIZE + 1 } })));
    if (result === SUPERSEDED) return;
    setLoading(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const { shown, older, nextBefore } = historyPage(result.data.revisions, HISTORY_PAGE_SIZE);
    setLoaded((prev) => ({ revisions: before && prev ? [...prev.revisions, ...shown] : shown, older, nextBefore }));
  }

  function show() {
    setOpen(true);
    setLoaded(null);
    void load();
  }

  return (
    <>
      <button type="button" className="btn-row" onClick={show}>
        History<span className="sr-only"> of {label}</span>
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title={`History: ${label}, ${year}`} variant="drawer">
        <div className="space-y-4">
          <Link href={`/years/${year}/history/${metricKey}`} className="text-sm text-blue-700 underline">
            Open the history as a page
          </Link>
          {loaded ? <RevisionList revisions={loaded.revisions} older={loaded.older} unit={unit} /> : null}
          <ReadStatus loading={loading} error={error} loadingText="Loading revisions…" />
          <div className="flex gap-2">
            {loaded?.nextBefore ? (
              <button type="button" className="btn-secondary" disabled={loading} onClick={() => void load(loaded.nextBefore ?? undefined)}>
                Load older
              </button>
            ) : null}
            <button type="button" className="btn-primary ml-auto" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </div>
      </Modal>
    </>
  );
}
