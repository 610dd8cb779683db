"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { addMetricBreakAction } from "@/server/actions/metrics";
import { metricBreakSchema } from "@/lib/validation/metric";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { reach } from "@/components/ui/reach";

type Fields = z.input<typeof metricBreakSchema>;

/** The metric's series breaks and a form to record one: from that year on, the figure measures something else. */
export function MetricBreaks({ metricKey, breaks }: { metricKey: string; breaks: { year: number; note: string; createdBy: string | null }[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Fields, unknown, z.output<typeof metricBreakSchema>>({
    resolver: zodResolver(metricBreakSchema),
    defaultValues: { year: new Date().getFullYear(), note: "" },
  });

  const onSubmit = handleSubmit(async (input) => {
    setMessage(null);
    const result = await reach(addMetricBreakAction({ params: { key: metricKey }, body: input }));
    if (!result.ok) {
      applyFieldErrors(result.fieldErrors, setError);
      setMessage(result.message);
      return;
    }
    reset({ year: input.year, note: "" });
    router.refresh();
  });

  return (
    <section aria-labelledby="breaks-heading" className="card space-y-3 p-4">
      <h2 id="breaks-heading" className="text-base font-semibold">
        Series breaks
      </h2>
      <p className="text-sm text-gray-700">
        Record a break when the definition changes (“verified” became “monitored and reported”). Comparisons across it show the note and a neutral marker
        instead of good or bad news, and the year&apos;s change warning is not raised.
      </p>
      {breaks.length === 0 ? (
        <p className="text-sm text-gray-600">No break recorded: the series is comparable across all years.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {breaks.map((b) => (
            <li key={b.year}>
              <span className="font-medium tabular-nums">From {b.year}:</span> {b.note}
              {b.createdBy ? <span className="text-gray-600"> · recorded by {b.createdBy}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[8rem_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="break-year" className="field-label">
            From year
          </label>
          <input
            id="break-year"
            type="number"
            className="field-input"
            aria-invalid={errors.year ? true : undefined}
            {...register("year", { valueAsNumber: true })}
          />
        </div>
        <div>
          <label htmlFor="break-note" className="field-label">
            What changed
          </label>
          <input
            id="break-note"
            type="text"
            className="field-input"
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? "break-note-error" : undefined}
            {...register("note")}
          />
        </div>
        <button type="submit" className="btn-secondary" disabled={isSubmitting}>
          {isSubmitting ? "Recording…" : "Record break"}
        </button>
        {errors.year || errors.note || message ? (
          <p id="break-note-error" role="alert" className="field-error sm:col-span-3">
            {errors.year?.message ?? errors.note?.message ?? message}
          </p>
        ) : null}
      </form>
    </section>
  );
}
