"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createMetricAction, updateMetricAction } from "@/server/actions/metrics";
import type { Metric, Section } from "@/db/queries/catalog";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { DIRECTIONS, UNITS } from "@/lib/domain";
import { unitLabel } from "@/lib/numbers/format";
import { createMetricSchema } from "@/lib/validation/metric";
import { reach } from "@/components/ui/reach";

type Fields = z.input<typeof createMetricSchema>;

const DIRECTION_LABELS = { up: "Up is good news", down: "Down is good news", neutral: "Neither" } as const;
// An empty number box means "no bound".
const toBound = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

/**
 * Creates a metric, or edits one (`metric` given). The edit form shows the key but never sends a
 * new one, and fixes the unit once any year holds a value; the server enforces both.
 */
export function MetricForm({ sections, metric, valueYears = [] }: { sections: Section[]; metric?: Metric; valueYears?: number[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const unitFixed = Boolean(metric) && valueYears.length > 0;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Fields>({
    resolver: zodResolver(createMetricSchema),
    defaultValues: {
      key: metric?.key ?? "",
      label: metric?.label ?? "",
      section: metric?.section ?? "",
      unit: metric?.unit ?? "count",
      direction: metric?.direction ?? "up",
      description: metric?.description ?? "",
      min: metric?.min ?? null,
      max: metric?.max ?? null,
      warnMin: metric?.warnMin ?? null,
      warnMax: metric?.warnMax ?? null,
      warnChangePct: metric?.warnChangePct ?? null,
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    if (!metric) {
      const result = await reach(createMetricAction({ body: values }));
      if (!result.ok) {
        applyFieldErrors(result.fieldErrors, setError);
        setMessage({ ok: false, text: result.message });
        return;
      }
      router.push(`/admin/metrics/${result.data.key}?created=1`);
      return;
    }
    const { key: _key, ...changes } = values;
    const result = await reach(updateMetricAction({ params: { key: metric.key }, body: changes }));
    if (!result.ok) {
      applyFieldErrors(result.fieldErrors, setError);
      setMessage({ ok: false, text: result.message });
      return;
    }
    setMessage({ ok: true, text: "Saved. The new definition applies from now on." });
    router.refresh();
  });

  const error = (name: keyof Fields) =>
    errors[name] ? (
      <p id={`${name}-error`} className="field-error">
        {errors[name]?.message}
      </p>
    ) : null;
  const invalid = (name: keyof Fields) => ({ "aria-invalid": Boolean(errors[name]), "aria-describedby": errors[name] ? `${name}-error` : undefined });

  return (
    <form onSubmit={onSubmit} noValidate className="card space-y-4 p-6">
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`rounded-md p-3 text-sm ${message.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-800"}`}>
          {message.text}
        </p>
      ) : null}
      <div>
        <label htmlFor="key" className="field-label">
          Key
        </label>
        <input
          id="key"
          className={`field-input font-mono ${metric ? "bg-gray-100 text-gray-700" : ""}`}
          readOnly={Boolean(metric)}
          autoComplete="off"
          spellCheck={false}
          {...invalid("key")}
          {...register("key")}
        />
        <p className="mt-1 text-xs text-gray-600">
          {metric
            ? "The key cannot change: values, imports and scripts refer to it."
            : "Lowercase letters, digits and _, starting with a letter, e.g. refugees_returned. It cannot change later."}
        </p>
        {error("key")}
      </div>
      <div>
        <label htmlFor="label" className="field-label">
          Label
        </label>
        <input id="label" className="field-input" {...invalid("label")} {...register("label")} />
        {error("label")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="section" className="field-label">
            Section
          </label>
          <select id="section" className="field-input" {...invalid("section")} {...register("section")}>
            <option value="">Choose a section…</option>
            {sections.map((s) => (
              <option key={s.key} value={s.key}>
                {s.title}
              </option>
            ))}
          </select>
          {error("section")}
        </div>
        <div>
          <label htmlFor="unit" className="field-label">
            Unit
          </label>
          <select
            id="unit"
            className={`field-input ${unitFixed ? "bg-gray-100" : ""}`}
            aria-invalid={Boolean(errors.unit)}
            aria-describedby={[unitFixed ? "unit-fixed" : "", errors.unit ? "unit-error" : ""].join(" ").trim() || undefined}
            {...register("unit")}
          >
            {(unitFixed && metric ? [metric.unit] : UNITS).map((u) => (
              <option key={u} value={u}>
                {unitLabel(u)}
              </option>
            ))}
          </select>
          {unitFixed ? (
            <p id="unit-fixed" className="mt-1 text-xs text-gray-600">
              Fixed: values exist in {valueYears.join(", ")}. Archive this metric and create a new one to use another unit.
            </p>
          ) : null}
          {error("unit")}
        </div>
      </div>
      <fieldset>
        <legend className="field-label">Direction</legend>
        <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
          {DIRECTIONS.map((d) => (
            <label key={d} className="flex items-center gap-2 text-sm">
              <input type="radio" value={d} className="text-blue-700 focus:ring-blue-600" {...register("direction")} />
              {DIRECTION_LABELS[d]}
            </label>
          ))}
        </div>
        {error("direction")}
      </fieldset>
      <div>
        <label htmlFor="description" className="field-label">
          Description <span className="font-normal text-gray-500">(optional)</span>
        </label>
        <textarea id="description" rows={3} className="field-input" {...invalid("description")} {...register("description")} />
        {error("description")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="min" className="field-label">
            Minimum <span className="font-normal text-gray-500">(optional)</span>
          </label>
          <input
            id="min"
            type="number"
            step="any"
            inputMode="decimal"
            className="field-input"
            {...invalid("min")}
            {...register("min", { setValueAs: toBound })}
          />
          {error("min")}
        </div>
        <div>
          <label htmlFor="max" className="field-label">
            Maximum <span className="font-normal text-gray-500">(optional)</span>
          </label>
          <input
            id="max"
            type="number"
            step="any"
            inputMode="decimal"
            className="field-input"
            {...invalid("max")}
            {...register("max", { setValueAs: toBound })}
          />
          {error("max")}
        </div>
      </div>
      <p className="text-xs text-gray-600">Values outside the range are refused when saved. Leave a box empty for no bound.</p>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="field-label mb-2">Soft limits: a warning beside the value and in the year&apos;s checks, never a refusal</legend>
        {(
          [
            ["warnMin", "Warn below"],
            ["warnMax", "Warn above"],
            ["warnChangePct", "Warn at a change of (%)"],
          ] as const
        ).map(([name, text]) => (
          <div key={name}>
            <label htmlFor={name} className="field-label">
              {text} <span className="font-normal text-gray-500">(optional)</span>
            </label>
            <input
              id={name}
              type="number"
              step="any"
              inputMode="decimal"
              className="field-input"
              {...invalid(name)}
              {...register(name, { setValueAs: toBound })}
            />
            {error(name)}
          </div>
        ))}
      </fieldset>
      <p className="text-xs text-gray-600">An empty change threshold means 50%: a bigger change against the previous year with a value is flagged.</p>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="btn-primary" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : metric ? "Save changes" : "Create metric"}
        </button>
      </div>
    </form>
  );
}
