"use client";

import { memo, useMemo } from "react";
import type { ValueBody } from "@/lib/validation/api";
import { compareValues } from "@/lib/compare/compare";
import { formatDelta, formatPercentChange, formatValue, unitLabel } from "@/lib/numbers/format";
import { valueNumberSchema } from "@/lib/validation/value";
import type { Draft } from "@/lib/grid/model";
import { CommentsDrawer, type CommentControls } from "@/components/sign-off/comments-drawer";
import { SoftLimitHint } from "@/components/sign-off/soft-limit-hint";
import { HistoryDrawer } from "./history-drawer";
import { useUnsavedChanges } from "./unsaved-changes";
import type { EditableValue, PreviousFigure } from "./value-editor-types";

type RowStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string }
  | { kind: "conflict" }
  | { kind: "info"; message: string };

export type RowState = {
  stored: ValueBody;
  draft: Draft;
  status: RowStatus;
  /** Messages of refused fields, by field. */
  errors: Partial<Record<keyof Draft, string>>;
  /** Typed by hand (saved on leaving the row) rather than pasted (saved with "Save all"). */
  typed: boolean;
  unsaved: boolean;
};

export type RowHandlers = {
  onDraft: (key: string, patch: Partial<Draft>) => void;
  onValueKey: (key: string, event: React.KeyboardEvent<HTMLInputElement>) => void;
  onDetailKey: (key: string, event: React.KeyboardEvent<HTMLElement>) => void;
  onLeaveRow: (key: string, event: React.FocusEvent<HTMLElement>) => void;
  onPaste: (key: string, event: React.ClipboardEvent<HTMLInputElement>) => void;
  onToggleDetail: (key: string) => void;
  onSave: (key: string) => void;
  registerInput: (key: string, el: HTMLInputElement | null) => void;
};

type Props = {
  year: number;
  row: EditableValue;
  state: RowState;
  previous: PreviousFigure | null;
  detailOpen: boolean;
  comments: CommentControls;
  handlers: RowHandlers;
};

/**
 * One figure of the entry grid: its value cell (the only stop of the grid's keyboard path),
 * what it prints as, its state, and a detail with qualifier, source, note and reason. At
 * desktop widths a row of columns; on a phone a card with the value first.
 */
export const GridRow = memo(function GridRow({ year, row, state, previous, detailOpen, comments, handlers }: Props) {
  const { draft, status, errors } = state;
  useUnsavedChanges(`figure:${row.metricKey}`, state.unsaved);
  const rules = useMemo(() => ({ unit: row.unit, min: row.min, max: row.max }), [row.unit, row.min, row.max]);
  const typedNumber = useMemo(() => {
    const parsed = valueNumberSchema(rules).safeParse(draft.value);
    return parsed.success ? parsed.data : null;
  }, [draft.value, rules]);
  const id = (field: string) => `${row.metricKey}-${field}`;
  const qualifier = draft.qualifier === "over" || draft.qualifier === "about" ? draft.qualifier : null;
  // The change to the figure typed, computed and rounded as /compare and the dashboard do (decision 007).
  const change = useMemo(() => {
    if (!previous || typedNumber === null) return null;
    const metric = { key: row.metricKey, label: row.label, section: row.section, unit: row.unit, direction: row.direction };
    const [compared] = compareValues([metric], [{ ...previous, metricKey: row.metricKey }], [{ metricKey: row.metricKey, value: typedNumber, qualifier }]);
    return compared ?? null;
  }, [previous, typedNumber, qualifier, row.metricKey, row.label, row.section, row.unit, row.direction]);
  const describedBy = [errors.value ? id("value-error") : null, id("soft-limits"), id("status")].filter(Boolean).join(" ");
  const detailText = (field: "source" | "note" | "reason", label: string, placeholder?: string) => (
    <div>
      <label htmlFor={id(field)} className="field-label text-xs">
        {label}
        <span className="sr-only">, {row.label}</span>
      </label>
      <input
        id={id(field)}
        type="text"
        autoComplete="off"
        placeholder={placeholder}
        className="field-input mt-1"
        value={draft[field]}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? id(`${field}-error`) : undefined}
        onChange={(e) => handlers.onDraft(row.metricKey, { [field]: e.target.value })}
        onKeyDown={(e) => handlers.onDetailKey(row.metricKey, e)}
      />
      {errors[field] ? (
        <p id={id(`${field}-error`)} className="field-error text-xs">
          {errors[field]}
        </p>
      ) : null}
    </div>
  );

  return (
    <div
      role="group"
      aria-label={row.label}
      id={`figure-${row.metricKey}`}
      data-metric={row.metricKey}
      data-unsaved={state.unsaved ? "" : undefined}
      className="grid-row"
      onBlur={(e) => handlers.onLeaveRow(row.metricKey, e)}
    >
      <div className="grid-row-cells">
        <div className="grid-row-name">
          <p className="font-medium text-gray-900">{row.label}</p>
          <p className="text-xs text-gray-500">{unitLabel(row.unit)}</p>
        </div>
        <div className="grid-row-previous" data-testid="previous">
          <span className="text-xs font-medium text-gray-700 lg:hidden">Previous: </span>
          {previous ? (
            <>
              <span className="text-gray-700">
                {previous.year}: {formatValue(previous.value, row.unit, previous.qualifier)}
              </span>
              {change ? (
                <span className="block text-xs text-gray-600" data-testid="change">
                  Change {formatDelta(change.delta, row.unit)}
                  {change.deltaPct !== null ? ` (${formatPercentChange(change.deltaPct)})` : ""}
                </span>
              ) : null}
            </>
          ) : (
            <span className="text-gray-500">No earlier value</span>
          )}
        </div>
        <div className="grid-row-value">
          <label htmlFor={id("value")} className="sr-only">
            {row.label}, value
          </label>
          <input
            ref={(el) => handlers.registerInput(row.metricKey, el)}
            id={id("value")}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className="field-input mt-0 text-base tabular-nums lg:text-sm"
            value={draft.value}
            data-grid-cell=""
            aria-invalid={errors.value ? true : undefined}
            aria-describedby={describedBy}
            aria-keyshortcuts="Enter Shift+Enter ArrowDown ArrowUp Escape Alt+Enter"
            onChange={(e) => handlers.onDraft(row.metricKey, { value: e.target.value })}
            onKeyDown={(e) => handlers.onValueKey(row.metricKey, e)}
            onPaste={(e) => handlers.onPaste(row.metricKey, e)}
          />
          {/* What the report will print, as the editor types: "over 76,000", "$203M". */}
          <p className="mt-1 text-xs text-gray-700" data-testid="printed">
            As printed: {formatValue(typedNumber, row.unit, qualifier)}
          </p>
          {errors.value ? (
            <p id={id("value-error")} className="field-error text-xs">
              {errors.value}
            </p>
          ) : null}
          <SoftLimitHint id={id("soft-limits")} value={typedNumber} metric={row} previous={previous} breakSincePrevious={row.breakSincePrevious} />
        </div>
        <p id={id("status")} role="status" className="grid-row-status" data-testid="save-status">
          <StatusText status={status} unsaved={state.unsaved} />
        </p>
        <div className="grid-row-actions">
          <button
            type="button"
            className="btn-row gap-0 px-2.5"
            aria-expanded={detailOpen}
            aria-controls={detailOpen ? id("detail") : undefined}
            aria-keyshortcuts="Alt+Enter"
            onClick={() => handlers.onToggleDetail(row.metricKey)}
          >
            Details<span className="sr-only"> of {row.label}</span>
            {!detailOpen && (draft.source || draft.note || qualifier) ? (
              <span aria-hidden="true" className="text-gray-600">
                : {[qualifier, draft.source ? "source" : null, draft.note ? "note" : null].filter(Boolean).join(", ")}
              </span>
            ) : null}
          </button>
          <HistoryDrawer year={year} metricKey={row.metricKey} label={row.label} unit={row.unit} />
          <CommentsDrawer
            year={year}
            metricKey={row.metricKey}
            label={row.label}
            openCount={comments.openCounts[row.metricKey] ?? 0}
            canComment={comments.canComment}
            canResolve={comments.canResolve}
          />
        </div>
      </div>
      {/* Drawn only when open: a closed detail is a third of a row's markup, and its fields live in the grid's state, not here. */}
      {detailOpen ? (
        <div
          id={id("detail")}
          className="mt-3 grid gap-3 rounded-md border border-gray-200 bg-gray-50 p-3 sm:grid-cols-2 lg:grid-cols-[9rem_1fr_1fr_1fr_auto] lg:items-end"
        >
          <div>
            <label htmlFor={id("qualifier")} className="field-label text-xs">
              Qualifier<span className="sr-only">, {row.label}</span>
            </label>
            <select
              id={id("qualifier")}
              className="field-input mt-1"
              value={draft.qualifier}
              onChange={(e) => handlers.onDraft(row.metricKey, { qualifier: e.target.value as Draft["qualifier"] })}
              onKeyDown={(e) => handlers.onDetailKey(row.metricKey, e)}
            >
              <option value="none">none</option>
              <option value="over">over</option>
              <option value="about">about</option>
            </select>
          </div>
          {detailText("source", "Source", "a web address or a citation")}
          {detailText("note", "Note")}
          {detailText("reason", "Reason for the change", "optional")}
          <button
            type="button"
            className="btn-primary px-3 py-2 text-xs"
            disabled={status.kind === "saving" || !state.unsaved}
            onClick={() => handlers.onSave(row.metricKey)}
          >
            Save<span className="sr-only"> {row.label}</span>
          </button>
        </div>
      ) : null}
    </div>
  );
});

function StatusText({ status, unsaved }: { status: RowStatus; unsaved: boolean }) {
  switch (status.kind) {
    case "saving":
      return <span className="text-gray-600">Saving…</span>;
    case "error":
      return <span className="font-medium text-red-700">Not saved: {status.message}</span>;
    case "conflict":
      return <span className="font-medium text-red-700">Not saved: changed by someone else</span>;
    case "info":
      if (!unsaved) return <span className="text-gray-700">{status.message}</span>;
      break;
    case "saved":
      if (!unsaved) return <span className="text-green-800">Saved ✓ {status.at}</span>;
      break;
  }
  return unsaved ? <span className="font-medium text-amber-800">Unsaved</span> : null;
}
