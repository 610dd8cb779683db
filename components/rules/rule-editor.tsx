"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { createRuleAction, deleteRuleAction, previewRuleAction, updateRuleAction } from "@/server/actions/rules";
import type { RulePreviewYear } from "@/db/queries/rules";
import type { CheckSeverity } from "@/lib/checks/types";
import { createRuleSchema } from "@/lib/validation/rule";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/text-field";
import { reach } from "@/components/ui/reach";

type Rule = { key: string; expression: string; severity: CheckSeverity; message: string | null };
type Fields = z.input<typeof createRuleSchema>;
type Preview = { expression: string; metrics: string[]; years: RulePreviewYear[] };

const EMPTY: Fields = { key: "", expression: "", severity: "warning", message: "" };

/** The list of rules and one form to add or change a rule; saving needs a preview of the expression as it stands. */
export function RuleEditor({ rules, metricKeys }: { rules: Rule[]; metricKeys: { key: string; label: string }[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [status, setStatus] = useState<{ kind: "error" | "saved"; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    control,
    getValues,
    setError,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<Fields, unknown, z.output<typeof createRuleSchema>>({ resolver: zodResolver(createRuleSchema), defaultValues: EMPTY });
  const expression = useWatch({ control, name: "expression" });
  const previewIsCurrent = preview !== null && preview.expression === expression.trim();

  function edit(rule: Rule | null) {
    setEditing(rule?.key ?? null);
    setPreview(null);
    setStatus(null);
    reset(rule ? { ...rule, message: rule.message ?? "" } : EMPTY);
  }

  async function runPreview() {
    setStatus(null);
    const typed = getValues("expression").trim();
    const result = await reach(previewRuleAction({ body: { expression: typed } }));
    if (!result.ok) {
      setPreview(null);
      // A problem of the expression shows under it; anything else below the form.
      if (result.fieldErrors?.expression) applyFieldErrors(result.fieldErrors, setError);
      else setStatus({ kind: "error", message: result.message });
      return;
    }
    clearErrors("expression");
    setPreview({ expression: typed, ...result.data });
  }

  const onSubmit = handleSubmit(async (rule) => {
    setStatus(null);
    const result = editing !== null ? await reach(updateRuleAction({ params: { key: editing }, body: rule })) : await reach(createRuleAction({ body: rule }));
    if (!result.ok) {
      applyFieldErrors(result.fieldErrors, setError);
      setStatus({ kind: "error", message: result.message });
      return;
    }
    setStatus({ kind: "saved", message: `Saved the rule “${result.data.key}”` });
    edit(null);
    router.refresh();
  });

  async function remove(key: string) {
    if (!window.confirm(`Delete the rule “${key}”? Its checks disappear from every year.`)) return;
    const result = await reach(deleteRuleAction({ params: { key } }));
    setStatus(result.ok ? { kind: "saved", message: `Deleted the rule “${key}”` } : { kind: "error", message: result.message });
    if (result.ok) router.refresh();
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)]">
      <section aria-labelledby="rules-heading" className="card overflow-hidden">
        <h2 id="rules-heading" className="border-b border-gray-200 bg-gray-50 px-4 py-2 text-base font-semibold">
          {rules.length} rule{rules.length === 1 ? "" : "s"}
        </h2>
        {rules.length === 0 ? (
          <p className="p-4 text-sm text-gray-700">No rules yet. Add the first one with the form: a comparison of two figures is a good start.</p>
        ) : (
          <ul className="divide-y divide-gray-100">
            {rules.map((rule) => (
              <li key={rule.key} className="space-y-1 px-4 py-3 text-sm" data-rule={rule.key}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="break-all font-mono text-xs text-gray-700">{rule.key}</span>
                  <span
                    className={`rounded px-1.5 text-xs font-medium ${rule.severity === "error" ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`}
                  >
                    {rule.severity}
                  </span>
                </div>
                <p className="break-all font-mono">{rule.expression}</p>
                {rule.message ? <p className="text-gray-700">{rule.message}</p> : null}
                <div className="flex gap-2 pt-1">
                  <button type="button" className="btn-secondary px-2 py-1 text-xs" onClick={() => edit(rule)}>
                    Edit<span className="sr-only"> {rule.key}</span>
                  </button>
                  <button type="button" className="btn-secondary px-2 py-1 text-xs" onClick={() => void remove(rule.key)}>
                    Delete<span className="sr-only"> {rule.key}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="rule-form-heading" className="card space-y-4 p-4">
        <h2 id="rule-form-heading" className="text-base font-semibold">
          {editing ? `Change the rule “${editing}”` : "New rule"}
        </h2>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {editing ? null : <TextField id="rule-key" label="Key" registration={register("key")} error={errors.key} autoComplete="off" />}
          <div>
            <label htmlFor="rule-expression" className="field-label">
              Expression
            </label>
            <textarea
              id="rule-expression"
              rows={3}
              spellCheck={false}
              className="field-input font-mono"
              aria-invalid={errors.expression ? true : undefined}
              aria-describedby={`rule-expression-help${errors.expression ? " rule-expression-error" : ""}`}
              {...register("expression")}
            />
            <p id="rule-expression-help" className="mt-1 text-xs text-gray-700">
              Metric keys, numbers, + − * /, comparisons (&lt; &lt;= == != &gt;= &gt;), and, or, not, abs(), round(), min(), max().
            </p>
            {errors.expression ? (
              <p id="rule-expression-error" className="field-error">
                {errors.expression.message}
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor="rule-severity" className="field-label">
              Severity
            </label>
            <select id="rule-severity" className="field-input" {...register("severity")}>
              <option value="warning">warning: shown in the checks</option>
              <option value="error">error: stops a lock unless overridden</option>
            </select>
          </div>
          <TextField id="rule-message" label="Message (optional)" registration={register("message")} error={errors.message} autoComplete="off" />
          <div className="flex flex-wrap justify-end gap-2">
            {editing ? (
              <button type="button" className="btn-secondary" onClick={() => edit(null)}>
                Cancel
              </button>
            ) : null}
            <button type="button" className="btn-secondary" onClick={() => void runPreview()}>
              Preview against every year
            </button>
            <button type="submit" className="btn-primary" disabled={!previewIsCurrent || isSubmitting}>
              {isSubmitting ? "Saving…" : "Save rule"}
            </button>
          </div>
          {!previewIsCurrent ? <p className="text-xs text-gray-700">Preview the expression as it stands to save it.</p> : null}
        </form>
        <p role="status" aria-live="polite" className="text-sm">
          {status?.kind === "saved" ? <span className="text-green-800">{status.message}</span> : null}
        </p>
        {status?.kind === "error" ? (
          <p role="alert" className="text-sm text-red-700">
            {status.message}
          </p>
        ) : null}
        {preview ? <PreviewTable preview={preview} /> : null}
        <details className="text-sm">
          <summary className="cursor-pointer">Metric keys ({metricKeys.length})</summary>
          <ul className="mt-2 max-h-64 space-y-0.5 overflow-y-auto">
            {metricKeys.map((m) => (
              <li key={m.key}>
                <code className="break-all font-mono text-xs">{m.key}</code> <span className="text-gray-700">{m.label}</span>
              </li>
            ))}
          </ul>
        </details>
      </section>
    </div>
  );
}

function PreviewTable({ preview }: { preview: Preview }) {
  const fails = preview.years.filter((y) => y.status === "fail").length;
  return (
    <div className="space-y-2 text-sm" data-testid="rule-preview">
      <h3 className="font-semibold">Preview</h3>
      <p>
        Reads {preview.metrics.join(", ")}. Fails in {fails} of {preview.years.length} years; skipped in{" "}
        {preview.years.filter((y) => y.status === "skipped").length}.
      </p>
      <table className="min-w-full text-left">
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">
              Year
            </th>
            <th scope="col" className="py-1 font-medium">
              Result
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {preview.years.map((y) => (
            <tr key={y.year}>
              <td className="py-1 pr-4 tabular-nums">{y.year}</td>
              <td className={`py-1 ${y.status === "fail" ? "font-medium text-red-800" : y.status === "pass" ? "text-green-800" : "text-gray-700"}`}>
                {y.status === "pass" ? "Passes" : y.status === "fail" ? "Fails" : `Skipped: no value for ${y.missing.join(", ")}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
