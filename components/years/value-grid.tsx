"use client";

import { useRouter } from "next/navigation";
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { saveValueAction, saveValuesAction } from "@/server/actions/values";
import type { ValueBody } from "@/lib/validation/api";
import { parsePastedCells } from "@/lib/grid/paste";
import { valueSaveSchema, zodFieldErrors } from "@/lib/validation/value";
import {
  changedFields,
  draftOf,
  GRID_FILTERS,
  keptMineReason,
  mergeMine,
  pasteInto,
  rowShown,
  type Draft,
  type EditedField,
  type GridFilter,
} from "@/lib/grid/model";
import type { CommentControls } from "@/components/sign-off/comments-drawer";
import { ConflictDialog } from "./conflict-dialog";
import { GridRow, type RowHandlers, type RowState } from "./grid-row";
import type { EditableValue, PreviousFigure } from "./value-editor-types";
import { reach } from "@/components/ui/reach";

type Props = {
  year: number;
  sections: { key: string; title: string }[];
  rows: EditableValue[];
  previous: Record<string, PreviousFigure>;
  comments: CommentControls;
  /** Metrics that a check of the year names (the "With checks" filter). */
  checked: string[];
  /** In-page section links; false when the page shows one section at a time and has its own menu. */
  sectionMenu: boolean;
};

type Conflict = { key: string; theirs: ValueBody | null; mine: Draft; changed: EditedField[] };

const timeNow = () => new Date().toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

const freshCell = (r: EditableValue): RowState => ({
  stored: r,
  draft: draftOf(r, r.unit),
  status: { kind: "idle" },
  errors: {},
  typed: false,
  unsaved: false,
});

/** A refresh may bring a figure the grid has not seen (a metric added meanwhile): it starts as stored. */
const cellOf = (all: Record<string, RowState>, key: string, rows: Map<string, EditableValue>) => all[key] ?? freshCell(rows.get(key)!);

function initialState(rows: EditableValue[]): Record<string, RowState> {
  return Object.fromEntries(rows.map((r) => [r.metricKey, freshCell(r)]));
}

/**
 * The year's figures as one keyboard grid: the value cells form a single path (↑/↓, Enter and
 * Shift+Enter, Tab), a row saves when focus leaves it, Esc puts a cell back, Alt+Enter opens
 * the row's detail. "Save all" saves every unsaved row in one all-or-nothing batch, which is
 * also how a block pasted from a spreadsheet is saved.
 */
export function ValueGrid({ year, sections, rows, previous, comments, checked, sectionMenu }: Props) {
  const router = useRouter();
  const [cells, setCells] = useState(() => initialState(rows));
  const [detailOpen, setDetailOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [filter, setFilter] = useState<GridFilter>("all");
  const [search, setSearch] = useState("");
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [savingAll, setSavingAll] = useState(false);
  // Handlers read the newest state through a ref, so they stay the same functions and rows re-render only when their own state changes.
  const cellsRef = useRef(cells);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const byKey = useMemo(() => new Map(rows.map((r) => [r.metricKey, r])), [rows]);
  const withChecks = useMemo(() => new Set(checked), [checked]);

  const shownKeys = useMemo(
    () =>
      sections.flatMap((s) =>
        rows
          .filter((r) => r.section === s.key)
          .filter((r) => {
            const cell = cellOf(cells, r.metricKey, byKey);
            // A row being worked on stays in view whatever the filter, so saving it does not make it vanish.
            const inWork = cell.unsaved || cell.status.kind !== "idle";
            return rowShown(
              { metricKey: r.metricKey, label: r.label, stored: cell.stored, unsaved: cell.unsaved },
              inWork ? "all" : filter,
              search,
              withChecks,
            );
          })
          .map((r) => r.metricKey),
      ),
    [sections, rows, cells, filter, search, withChecks, byKey],
  );
  const shownRef = useRef(shownKeys);
  // Committed before the next event is handled: React renders a keystroke's update synchronously.
  useLayoutEffect(() => {
    cellsRef.current = cells;
    shownRef.current = shownKeys;
  });
  const unsavedKeys = rows.filter((r) => cellOf(cells, r.metricKey, byKey).unsaved).map((r) => r.metricKey);

  const patchCell = useCallback(
    (key: string, patch: (cell: RowState) => Partial<RowState>) => {
      setCells((all) => {
        const cell = cellOf(all, key, byKey);
        const next = { ...cell, ...patch(cell) };
        const row = byKey.get(key)!;
        next.unsaved = changedFields(next.stored, row.unit, next.draft).length > 0;
        return { ...all, [key]: next };
      });
    },
    [byKey],
  );

  const afterSaved = useCallback(
    (key: string, saved: ValueBody, sent: Draft) => {
      const row = byKey.get(key)!;
      const filledBefore = cellOf(cellsRef.current, key, byKey).stored.value !== null;
      patchCell(key, (cell) => ({
        stored: saved,
        // What was typed while the save was under way stays; otherwise the cell shows the figure as stored.
        draft: sameDraft(cell.draft, sent) ? draftOf(saved, row.unit) : cell.draft,
        status: { kind: "saved", at: timeNow() },
        errors: {},
        typed: false,
      }));
      // The header's "N of M figures have a value" is the server's; the grid keeps what is typed.
      if ((saved.value !== null) !== filledBefore) router.refresh();
    },
    [byKey, patchCell, router],
  );

  const save = useCallback(
    async (key: string, override?: { draft: Draft; version: number }) => {
      const cell = cellOf(cellsRef.current, key, byKey);
      const row = byKey.get(key)!;
      if (cell.status.kind === "saving" || (!override && !cell.unsaved)) return;
      const draft = override?.draft ?? cell.draft;
      const parsed = valueSaveSchema({ unit: row.unit, min: row.min, max: row.max }).safeParse(draft);
      if (!parsed.success) {
        const errors = zodFieldErrors(parsed.error);
        patchCell(key, () => ({ errors, status: { kind: "error", message: Object.values(errors)[0] ?? "check the figure" } }));
        return;
      }
      patchCell(key, () => ({ status: { kind: "saving" }, errors: {} }));
      const result = await reach(saveValueAction({ params: { year, metricKey: key }, body: { ...draft, version: override?.version ?? cell.stored.version } }));
      if (result.ok) return afterSaved(key, result.data, draft);
      if (result.code === "conflict") {
        const theirs = (result.extra?.current as ValueBody | null | undefined) ?? null;
        patchCell(key, () => ({ status: { kind: "conflict" } }));
        setConflict({ key, theirs, mine: draft, changed: changedFields(cell.stored, row.unit, draft) });
        return;
      }
      const errors = (result.fieldErrors ?? {}) as RowState["errors"];
      patchCell(key, () => ({ errors, status: { kind: "error", message: Object.values(errors)[0] ?? result.message } }));
    },
    [afterSaved, byKey, patchCell, year],
  );

  const focusCell = useCallback((key: string | undefined) => {
    if (!key) return false;
    const el = inputs.current.get(key);
    if (!el) return false;
    el.focus();
    el.select();
    return true;
  }, []);

  const move = useCallback(
    (key: string, step: 1 | -1) => {
      const order = shownRef.current;
      return focusCell(order[order.indexOf(key) + step]);
    },
    [focusCell],
  );

  const toggleDetail = useCallback((key: string, open?: boolean) => {
    setDetailOpen((all) => {
      const next = new Set(all);
      if (open ?? !next.has(key)) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const handlers: RowHandlers = useMemo(
    () => ({
      onDraft: (key, patch) =>
        patchCell(key, (cell) => ({
          draft: { ...cell.draft, ...patch },
          typed: true,
          status: cell.status.kind === "saving" || cell.status.kind === "conflict" ? cell.status : { kind: "idle" },
        })),
      onValueKey: (key, e) => {
        if (e.key === "Enter" && e.altKey) {
          e.preventDefault();
          toggleDetail(key, true);
          // The detail is shown on the next render; its first field then takes the focus.
          requestAnimationFrame(() => document.getElementById(`${key}-qualifier`)?.focus());
        } else if (e.key === "Enter" || e.key === "ArrowDown" || e.key === "ArrowUp" || (e.key === "Tab" && !e.altKey && !e.ctrlKey && !e.metaKey)) {
          const step = e.key === "ArrowUp" || e.shiftKey ? -1 : 1;
          // Moving on saves the row (it loses the focus); the last cell saves where it is.
          if (move(key, step)) e.preventDefault();
          else if (e.key === "Enter") {
            e.preventDefault();
            void save(key);
          }
        } else if (e.key === "Escape") {
          e.preventDefault();
          const row = byKey.get(key)!;
          patchCell(key, (cell) => ({ draft: draftOf(cell.stored, row.unit), errors: {}, status: { kind: "idle" }, typed: false }));
        }
      },
      onDetailKey: (key, e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          toggleDetail(key, false);
          focusCell(key);
        } else if (e.key === "Enter" && e.currentTarget.tagName === "INPUT") {
          e.preventDefault();
          void save(key);
        }
      },
      onLeaveRow: (key, e) => {
        const to = e.relatedTarget;
        if (to instanceof Node && e.currentTarget.contains(to)) return;
        const cell = cellOf(cellsRef.current, key, byKey);
        // A pasted block waits for "Save all", and Save all itself saves this row in its batch; a
        // dialog taking the focus is not leaving the row; a link to another page is, and the
        // unsaved-changes guard asks before anything is lost.
        if (!cell.typed || !cell.unsaved || (to instanceof Element && (to.closest("[role=dialog], [data-save-all]") || leavesPage(to)))) return;
        void save(key);
      },
      onPaste: (key, e) => {
        const text = e.clipboardData.getData("text/plain");
        if (!/[\t\r\n]/.test(text.replace(/[\r\n]+$/, ""))) return;
        e.preventDefault();
        const pasted = parsePastedCells(text);
        const current = Object.fromEntries(Object.entries(cellsRef.current).map(([k, c]) => [k, c.draft]));
        const { drafts, filled, leftOver } = pasteInto(shownRef.current, key, pasted, current);
        for (const k of filled) patchCell(k, () => ({ draft: drafts[k]!, typed: false, errors: {}, status: { kind: "idle" } }));
        setAnnouncement(
          `Pasted ${filled.length} figure${filled.length === 1 ? "" : "s"}: check what each prints as, then Save all.` +
            (leftOver > 0
              ? ` ${leftOver} row${leftOver === 1 ? "" : "s"} of the paste went past the last figure shown and ${leftOver === 1 ? "was" : "were"} left out.`
              : ""),
        );
      },
      onToggleDetail: (key) => toggleDetail(key),
      onSave: (key) => void save(key),
      registerInput: (key, el) => {
        if (el) inputs.current.set(key, el);
        else inputs.current.delete(key);
      },
    }),
    [byKey, focusCell, move, patchCell, save, toggleDetail],
  );

  async function saveAll() {
    // A row already on its way through a single save finishes that way.
    const keys = rows
      .map((r) => r.metricKey)
      .filter((k) => cellOf(cellsRef.current, k, byKey).unsaved && cellOf(cellsRef.current, k, byKey).status.kind !== "saving");
    if (keys.length === 0) return;
    setSavingAll(true);
    setAnnouncement(`Saving ${keys.length} figure${keys.length === 1 ? "" : "s"}…`);
    for (const k of keys) patchCell(k, () => ({ status: { kind: "saving" }, errors: {} }));
    const sent = keys.map((k) => ({ key: k, draft: cellOf(cellsRef.current, k, byKey).draft, version: cellOf(cellsRef.current, k, byKey).stored.version }));
    const result = await reach(
      saveValuesAction({
        params: { year },
        body: { values: sent.map(({ key, draft, version }) => ({ metricKey: key, ...draft, version })) },
      }),
    );
    setSavingAll(false);
    if (result.ok) {
      result.data.values.forEach((saved, i) => afterSaved(sent[i]!.key, saved, sent[i]!.draft));
      setAnnouncement(`Saved ${keys.length} figure${keys.length === 1 ? "" : "s"}.`);
      return;
    }
    const refused = new Map((result.rows ?? []).map((r) => [r.metricKey, r]));
    for (const k of keys) {
      const problem = refused.get(k);
      patchCell(k, () =>
        problem
          ? {
              status:
                problem.code === "conflict"
                  ? { kind: "error", message: "changed by someone else since you loaded it; save this row on its own to compare" }
                  : { kind: "error", message: problem.message },
              errors: problem.fields ?? {},
            }
          : { status: { kind: "idle" } },
      );
    }
    setAnnouncement(
      refused.size > 0
        ? `Nothing was saved: ${refused.size} of ${keys.length} figures ${refused.size === 1 ? "was" : "were"} refused. They are marked below.`
        : `Nothing was saved: ${result.message}`,
    );
    focusCell([...refused.keys()][0]);
  }

  const conflictRow = conflict ? byKey.get(conflict.key)! : null;

  return (
    <div className="space-y-6">
      <div
        className="sticky top-0 z-20 -mx-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-b-lg border-b border-gray-200 bg-white/95 px-2 py-2 shadow-sm backdrop-blur"
        data-testid="grid-toolbar"
      >
        {sectionMenu ? (
          <nav aria-label="Sections of the year" className="-mx-1 min-w-0 flex-1 basis-full overflow-x-auto sm:basis-0">
            <ul className="flex gap-1 whitespace-nowrap px-1 py-0.5 text-sm">
              {sections.map((s) => (
                <li key={s.key}>
                  <a href={`#section-${s.key}`} className="inline-block rounded-full border border-gray-300 px-3 py-1 text-gray-800 hover:bg-gray-50">
                    {s.title}
                  </a>
                </li>
              ))}
              <li>
                <a href="#quotes-heading" className="inline-block rounded-full border border-gray-300 px-3 py-1 text-gray-800 hover:bg-gray-50">
                  Quotes
                </a>
              </li>
            </ul>
          </nav>
        ) : null}
        <div className="ml-auto flex items-center gap-3">
          <p className="text-sm tabular-nums text-gray-700" data-testid="unsaved-count">
            {unsavedKeys.length === 0 ? "All changes saved" : `${unsavedKeys.length} unsaved`}
          </p>
          <button type="button" className="btn-primary" data-save-all="" disabled={unsavedKeys.length === 0 || savingAll} onClick={() => void saveAll()}>
            {savingAll ? "Saving…" : "Save all"}
          </button>
        </div>
        <p role="status" className="basis-full text-sm text-gray-800 empty:hidden" data-testid="grid-announcement">
          {announcement}
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="grid-filter" className="field-label text-xs">
            Show
          </label>
          <select id="grid-filter" className="field-input mt-1 py-1.5 text-sm" value={filter} onChange={(e) => setFilter(e.target.value as GridFilter)}>
            {GRID_FILTERS.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-[10rem] flex-1 sm:max-w-xs">
          <label htmlFor="grid-search" className="field-label text-xs">
            Find a figure
          </label>
          <input
            id="grid-search"
            type="search"
            className="field-input mt-1 py-1.5 text-sm"
            placeholder="label or key"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
      </div>
      <p className="text-xs text-gray-600">
        Type a figure and press Enter or ↓ to save it and go on; Shift+Enter or ↑ goes back, Esc puts the cell back, Alt+Enter opens its qualifier, source and
        note. A column pasted from a spreadsheet fills the figures below; save it with Save all.
      </p>
      {shownKeys.length === 0 ? (
        <p className="card p-4 text-sm text-gray-700">
          No figure matches.{" "}
          <button
            type="button"
            className="text-blue-700 underline"
            onClick={() => {
              setFilter("all");
              setSearch("");
            }}
          >
            Show all figures
          </button>
        </p>
      ) : null}
      {sections.map((section) => {
        const sectionRows = rows.filter((r) => r.section === section.key && shownKeys.includes(r.metricKey));
        if (sectionRows.length === 0) return null;
        return (
          <section key={section.key} aria-labelledby={`section-${section.key}`} className="scroll-mt-36">
            <h2 id={`section-${section.key}`} className="scroll-mt-36 text-lg font-semibold">
              {section.title}
            </h2>
            <div className="card mt-3 divide-y divide-gray-100">
              {sectionRows.map((row) => (
                <GridRow
                  key={row.metricKey}
                  year={year}
                  row={row}
                  state={cellOf(cells, row.metricKey, byKey)}
                  previous={previous[row.metricKey] ?? null}
                  detailOpen={detailOpen.has(row.metricKey)}
                  comments={comments}
                  handlers={handlers}
                />
              ))}
            </div>
          </section>
        );
      })}
      {conflict && conflictRow ? (
        <ConflictDialog
          label={conflictRow.label}
          unit={conflictRow.unit}
          theirs={conflict.theirs}
          mine={conflict.mine}
          changed={conflict.changed}
          onClose={() => setConflict(null)}
          onKeepTheirs={() => {
            const { key, theirs } = conflict;
            setConflict(null);
            const stored = theirs ?? { ...cellOf(cellsRef.current, key, byKey).stored, value: null, qualifier: null, source: null, note: null, version: 0 };
            const message = `Loaded the version saved by ${theirs?.updatedBy ?? "someone else"}`;
            patchCell(key, () => ({ stored, draft: draftOf(stored, conflictRow.unit), errors: {}, typed: false, status: { kind: "info", message } }));
            focusCell(key);
          }}
          onKeepMine={() => {
            const { key, theirs, mine, changed } = conflict;
            setConflict(null);
            const draft = { ...mergeMine(theirs, conflictRow.unit, mine, changed), reason: keptMineReason(changed, theirs?.updatedBy ?? null, mine.reason) };
            // Their save is the base now: what I did not change stays as they left it.
            if (theirs) patchCell(key, () => ({ stored: theirs, draft }));
            void save(key, { draft, version: theirs?.version ?? 0 });
          }}
        />
      ) : null}
    </div>
  );
}

const sameDraft = (a: Draft, b: Draft) =>
  a.value === b.value && a.qualifier === b.qualifier && a.source === b.source && a.note === b.note && a.reason === b.reason;

function leavesPage(el: Element): boolean {
  const link = el.closest("a[href]");
  if (!(link instanceof HTMLAnchorElement)) return false;
  const to = new URL(link.href, window.location.href);
  return to.pathname !== window.location.pathname || to.search !== window.location.search;
}
