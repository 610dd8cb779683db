"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { saveValueFromPage } from "@/app/(app)/years/actions";
import type { SavedValue } from "@/db/commands/values";
import type { Qualifier, Unit } from "@/lib/domain";
import { formatDelta, formatPercentChange, formatPlain, formatValue, unitLabel } from "@/lib/numbers/format";
import { valueNumberSchema, valueSaveSchema, type MetricRules } from "@/lib/validation/value";
import type { SoftLimits } from "@/lib/checks/soft-limits";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { CommentsDrawer, type CommentControls } from "@/components/sign-off/comments-drawer";
import { SoftLimitHint } from "@/components/sign-off/soft-limit-hint";
import { ConflictDialog } from "./conflict-dialog";
import { HistoryDrawer } from "./history-drawer";
import { useUnsavedChanges } from "./unsaved-changes";

export type EditableValue = SavedValue &
  SoftLimits & { label: string; section: string; unit: Unit; min: number | null; max: number | null; breakSincePrevious: boolean };
export type PreviousFigure = { year: number; value: number; qualifier: Qualifier };

type Props = {
  year: number;
  sections: { key: string; title: string }[];
  rows: EditableValue[];
  previous: Record<string, PreviousFigure>;
  comments: CommentControls;
};

// One grid for the column headers and every row, so they line up at desktop widths; below lg
// each row stacks its fields with their own visible labels.
const GRID = "lg:grid lg:grid-cols-[minmax(10rem,1.2fr)_8.5rem_9rem_6.5rem_minmax(7rem,1fr)_minmax(7rem,1fr)_minmax(7rem,1fr)_9.5rem] lg:items-start lg:gap-2";

/** Every metric of an open year as an inline form per row, by section. */
export function ValueEditor({ year, sections, rows, previous, comments }: Props) {
  return (
    <div className="space-y-8">
      {sections.map((section) => {
        const sectionRows = rows.filter((r) => r.section === section.key);
        if (sectionRows.length === 0) return null;
        return (
          <section key={section.key} aria-labelledby={`section-${section.key}`}>
            <h2 id={`section-${section.key}`} className="text-lg font-semibold">
              {section.title}
            </h2>
            <div className="card mt-3 divide-y divide-gray-100">
              <div className={`hidden bg-gray-50 px-3 py-2 text-xs font-medium uppercase tracking-wide text-gray-600 ${GRID}`} aria-hidden="true">
                <span>Metric</span>
                <span>Previous · change</span>
                <span>Value</span>
                <span>Qualifier</span>
                <span>Source</span>
                <span>Note</span>
                <span>Reason for the change</span>
                <span className="sr-only">Actions</span>
              </div>
              {sectionRows.map((row) => (
                <ValueRow key={row.metricKey} year={year} row={row} previous={previous[row.metricKey] ?? null} comments={comments} />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}

type FormIn = z.input<ReturnType<typeof valueSaveSchema>>;
type FormOut = z.output<ReturnType<typeof valueSaveSchema>>;
type Status = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "error"; message: string } | { kind: "info"; message: string };

const toForm = (v: Pick<SavedValue, "value" | "qualifier" | "source" | "note">, unit: Unit): FormIn => ({
  value: formatPlain(v.value, unit),
  qualifier: v.qualifier ?? "none",
  source: v.source ?? "",
  note: v.note ?? "",
  reason: "",
});

function ValueRow({ year, row, previous, comments }: { year: number; row: EditableValue; previous: PreviousFigure | null; comments: CommentControls }) {
  const rules: MetricRules = useMemo(() => ({ unit: row.unit, min: row.min, max: row.max }), [row.unit, row.min, row.max]);
  const schema = useMemo(() => valueSaveSchema(rules), [rules]);
  const router = useRouter();
  const [version, setVersion] = useState(row.version);
  // Whether the stored figure has a value: the page header counts those.
  const [storedFilled, setStoredFilled] = useState(row.value !== null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [conflict, setConflict] = useState<{ theirs: SavedValue | null; mine: FormOut } | null>(null);
  const {
    register,
    handleSubmit,
    control,
    reset,
    setError,
    formState: { errors, isDirty },
  } = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(schema), defaultValues: toForm(row, row.unit) });
  useUnsavedChanges(`figure:${row.metricKey}`, isDirty);

  const typed = useWatch({ control, name: "value" });
  const typedQualifier = useWatch({ control, name: "qualifier" });
  const current = useMemo(() => {
    const parsed = valueNumberSchema(rules).safeParse(typed);
    return parsed.success ? parsed.data : null;
  }, [typed, rules]);

  async function save(values: FormOut, basedOn: number) {
    setStatus({ kind: "saving" });
    const result = await saveValueFromPage({ year, metricKey: row.metricKey, fields: { ...values, version: basedOn } });
    if (result.ok) {
      setVersion(result.data.version);
      reset(toForm(result.data, row.unit));
      setStatus({ kind: "saved", at: new Date() });
      if ((result.data.value !== null) !== storedFilled) {
        setStoredFilled(result.data.value !== null);
        // The header's "N of M figures have a value" is the server's; other rows keep what is typed.
        router.refresh();
      }
      return;
    }
    if (result.code === "conflict") {
      setStatus({ kind: "idle" });
      setConflict({ theirs: (result.extra?.current as SavedValue | null | undefined) ?? null, mine: values });
      return;
    }
    applyFieldErrors(result.fieldErrors, setError);
    setStatus({ kind: "error", message: result.fieldErrors?.value ?? result.message });
  }

  const onSubmit = handleSubmit((values) => save(values, version));
  const id = (field: string) => `${row.metricKey}-${field}`;
  const fieldError = (name: keyof FormIn) =>
    errors[name]?.message ? (
      <p id={id(`${name}-error`)} className="field-error text-xs">
        {errors[name]?.message}
      </p>
    ) : null;
  const labelFor = (field: string, text: string) => (
    <label htmlFor={id(field)} className="block text-xs font-medium text-gray-700 lg:sr-only">
      {text}
      <span className="sr-only">: {row.label}</span>
    </label>
  );
  const inputProps = (name: keyof FormIn) => ({
    id: id(name),
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? id(`${name}-error`) : undefined,
  });
  const delta = previous && current !== null ? current - previous.value : null;

  return (
    <form onSubmit={onSubmit} noValidate className={`scroll-mt-20 space-y-2 px-3 py-3 lg:space-y-0 ${GRID}`} data-metric={row.metricKey} id={`figure-${row.metricKey}`} aria-label={row.label}>
      <div>
        <p className="font-medium text-gray-900">{row.label}</p>
        <p className="text-xs text-gray-500">{unitLabel(row.unit)}</p>
        {/* What the report will print, as the editor types: "over 76,000", "$203M". */}
        <p className="text-xs text-gray-700" data-testid="printed">
          As printed: {formatValue(current, row.unit, typedQualifier === "over" || typedQualifier === "about" ? typedQualifier : null)}
        </p>
      </div>
      <div className="text-sm tabular-nums" data-testid="previous">
        <span className="text-xs font-medium text-gray-700 lg:hidden">Previous: </span>
        {previous ? (
          <>
            <span className="text-gray-700">
              {previous.year}: {formatValue(previous.value, row.unit, previous.qualifier)}
            </span>
            {delta !== null ? (
              <span className="block text-xs text-gray-600" data-testid="change">
                Change {formatDelta(delta, row.unit)}
                {previous.value !== 0 ? ` (${formatPercentChange((delta / previous.value) * 100)})` : ""}
              </span>
            ) : null}
          </>
        ) : (
          <span className="text-gray-500">No earlier value</span>
        )}
      </div>
      <div>
        {labelFor("value", "Value")}
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="field-input mt-0 tabular-nums"
          {...inputProps("value")}
          // The soft-limit warning belongs to the value too: read with it, and announced as it changes.
          aria-describedby={[inputProps("value")["aria-describedby"], id("soft-limits")].filter(Boolean).join(" ")}
          {...register("value")}
        />
        {fieldError("value")}
        <SoftLimitHint id={id("soft-limits")} value={current} metric={row} previous={previous} breakSincePrevious={row.breakSincePrevious} />
      </div>
      <div>
        {labelFor("qualifier", "Qualifier")}
        <select className="field-input mt-0" {...inputProps("qualifier")} {...register("qualifier")}>
          <option value="none">none</option>
          <option value="over">over</option>
          <option value="about">about</option>
        </select>
        {fieldError("qualifier")}
      </div>
      <div>
        {labelFor("source", "Source")}
        <input type="text" autoComplete="off" className="field-input mt-0" {...inputProps("source")} {...register("source")} />
        {fieldError("source")}
      </div>
      <div>
        {labelFor("note", "Note")}
        <input type="text" autoComplete="off" className="field-input mt-0" {...inputProps("note")} {...register("note")} />
        {fieldError("note")}
      </div>
      <div>
        {labelFor("reason", "Reason for the change")}
        <input type="text" autoComplete="off" placeholder="optional" className="field-input mt-0" {...inputProps("reason")} {...register("reason")} />
        {fieldError("reason")}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className="btn-primary px-2.5 py-1.5 text-xs" disabled={status.kind === "saving"}>
          Save<span className="sr-only"> {row.label}</span>
        </button>
        <HistoryDrawer year={year} metricKey={row.metricKey} label={row.label} unit={row.unit} />
        <CommentsDrawer year={year} metricKey={row.metricKey} label={row.label} openCount={comments.openCounts[row.metricKey] ?? 0} canComment={comments.canComment} canResolve={comments.canResolve} />
        <p role="status" aria-live="polite" className="w-full text-xs" data-testid="save-status">
          {status.kind === "saving" ? <span className="text-gray-600">Saving…</span> : null}
          {status.kind === "saved" ? <span className="text-green-800">Saved ✓ {status.at.toLocaleTimeString()}</span> : null}
          {status.kind === "info" ? <span className="text-gray-700">{status.message}</span> : null}
        </p>
      </div>
      {status.kind === "error" ? (
        <p role="alert" className="text-sm text-red-700 lg:col-span-full">
          {status.message}
        </p>
      ) : null}
      {conflict ? (
        <ConflictDialog
          label={row.label}
          unit={row.unit}
          theirs={conflict.theirs}
          mine={conflict.mine}
          onClose={() => setConflict(null)}
          onKeepTheirs={() => {
            const theirs = conflict.theirs;
            setConflict(null);
            setVersion(theirs?.version ?? 0);
            reset(theirs ? toForm(theirs, row.unit) : toForm({ value: null, qualifier: null, source: null, note: null }, row.unit));
            setStatus({ kind: "info", message: `Loaded the version saved by ${theirs?.updatedBy ?? "someone else"}` });
          }}
          onOverwrite={() => {
            const { mine, theirs } = conflict;
            setConflict(null);
            void save(mine, theirs?.version ?? 0);
          }}
        />
      ) : null}
    </form>
  );
}
