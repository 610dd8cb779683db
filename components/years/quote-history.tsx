"use client";

import { useState } from "react";
import { quoteHistoryAction } from "@/server/actions/quotes";
import type { QuoteField, QuoteRevisionView } from "@/db/queries/quote-history";
import { Modal } from "@/components/ui/modal";
import { formatUtc } from "@/lib/time/utc";
import { reach } from "@/components/ui/reach";
import { ReadStatus } from "@/components/ui/read-status";
import { SUPERSEDED, useNewestRead } from "@/components/ui/newest-read";

type Props = { quoteId: number; speaker: string; sectionTitles: Record<string, string> };

const ACTIONS: Record<QuoteRevisionView["action"], string> = { create: "Added", update: "Changed", delete: "Deleted" };
const LABELS: Record<QuoteField, string> = { text: "Text", speaker: "Speaker", title: "Title", section: "Section" };
// Enough of a quote's text to recognise the change; the whole text is the quote itself.
const SHORT = 140;
const short = (s: string) => (s.length > SHORT ? `${s.slice(0, SHORT - 1)}…` : s);

/** A quote's revisions in a drawer, read when opened: who, when, why, and what each one changed. */
export function QuoteHistory({ quoteId, speaker, sectionTitles }: Props) {
  const [open, setOpen] = useState(false);
  const [revisions, setRevisions] = useState<QuoteRevisionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const newest = useNewestRead();

  async function show() {
    setOpen(true);
    setRevisions(null);
    setError(null);
    const result = await newest(reach(quoteHistoryAction({ params: { id: quoteId } })));
    if (result === SUPERSEDED) return;
    if (result.ok) setRevisions(result.data.revisions);
    else setError(result.message);
  }

  const shown = (field: QuoteField, r: QuoteRevisionView) => (field === "section" ? (sectionTitles[r.section] ?? r.section) : short(r[field]) || "—");

  return (
    <>
      <button type="button" className="btn-secondary px-2.5 py-1.5 text-xs" onClick={() => void show()}>
        History<span className="sr-only"> of the quote by {speaker}</span>
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title={`History: the quote by ${speaker}`} variant="drawer">
        <div className="space-y-4">
          <ReadStatus loading={revisions === null} error={error} loadingText="Loading revisions…" />
          {revisions ? (
            <ol className="space-y-3" aria-label="Revisions, newest first">
              {revisions.map((r, i) => {
                const before = revisions[i + 1];
                return (
                  <li key={r.id} className="card p-4 text-sm" data-testid="quote-revision">
                    <p className="flex flex-wrap items-baseline justify-between gap-2">
                      <span className="font-medium">
                        {ACTIONS[r.action]} · version {r.version}
                      </span>
                      <span className="text-gray-600">
                        {r.changedBy ?? "Unknown"} · <time dateTime={r.changedAt}>{formatUtc(r.changedAt)}</time>
                      </span>
                    </p>
                    {r.reason ? <p className="mt-1 text-gray-800">Reason: {r.reason}</p> : null}
                    {r.action === "delete" ? <p className="mt-2 text-gray-700">The quote was deleted from the year; this history is kept.</p> : null}
                    {r.action === "create" ? <p className="mt-2 whitespace-pre-line text-gray-800">“{short(r.text)}”</p> : null}
                    {r.action === "update" && r.changed.length === 0 ? <p className="mt-2 text-gray-600">Saved without a change to the quote.</p> : null}
                    {r.action === "update" && before && r.changed.length > 0 ? (
                      <dl className="mt-2 grid grid-cols-[5rem_1fr] gap-x-3 gap-y-2">
                        {r.changed.map((field) => (
                          <div key={field} className="contents" data-changed={field}>
                            <dt className="text-gray-600">{LABELS[field]}</dt>
                            <dd className="break-words">
                              <span className="block text-gray-600">
                                <span className="text-xs uppercase tracking-wide">Was </span>
                                <del className="whitespace-pre-line">{shown(field, before)}</del>
                              </span>
                              <span className="block">
                                <span className="text-xs uppercase tracking-wide text-gray-600">Now </span>
                                <ins className="whitespace-pre-line rounded bg-amber-100 px-1 no-underline">{shown(field, r)}</ins>
                              </span>
                            </dd>
                          </div>
                        ))}
                      </dl>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          ) : null}
          <div className="flex">
            <button type="button" className="btn-primary ml-auto" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </div>
      </Modal>
    </>
  );
}
