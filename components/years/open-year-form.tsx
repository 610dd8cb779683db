"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { openYearAction } from "@/server/actions/years";
import { openYearSchema } from "@/lib/validation/year";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { reach } from "@/components/ui/reach";

type Fields = z.input<typeof openYearSchema>;

/** Editor or above: opens a new reporting year, with the chapter's text of an earlier one if asked, and goes to it. */
export function OpenYearForm({ suggested, years }: { suggested: number; years: number[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<Fields, unknown, z.output<typeof openYearSchema>>({ resolver: zodResolver(openYearSchema), defaultValues: { year: String(suggested) } });

  const onSubmit = handleSubmit(async ({ year, copyFrom }) => {
    setError(null);
    const result = await reach(openYearAction({ body: { year, copyFrom } }));
    if (!result.ok) {
      if (result.code === "conflict") {
        setFieldError("year", { type: "server", message: `${year} is already open: pick it from the list below` });
        return;
      }
      applyFieldErrors(result.fieldErrors, setFieldError);
      setError(result.message);
      return;
    }
    router.push(`/years/${result.data.year}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card flex flex-wrap items-end gap-3 p-4" aria-labelledby="open-year-heading">
      <h2 id="open-year-heading" className="w-full text-base font-semibold">
        Open a new year
      </h2>
      <div>
        <label htmlFor="open-year" className="field-label">
          Year
        </label>
        <input
          id="open-year"
          type="text"
          inputMode="numeric"
          className="field-input w-32"
          aria-invalid={errors.year ? true : undefined}
          aria-describedby={errors.year ? "open-year-error" : undefined}
          {...register("year")}
        />
      </div>
      {years.length > 0 ? (
        <div>
          <label htmlFor="open-year-copy" className="field-label">
            Copy the chapter&apos;s text from
          </label>
          <select id="open-year-copy" className="field-input" {...register("copyFrom", { setValueAs: (v: string) => (v === "" ? undefined : v) })}>
            <option value="">No year: start with no text</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="btn-primary" disabled={isSubmitting}>
        {isSubmitting ? "Opening…" : "Open year"}
      </button>
      {errors.year ? (
        <p id="open-year-error" role="alert" className="field-error w-full">
          {errors.year.message}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="field-error w-full">
          {error}
        </p>
      ) : null}
    </form>
  );
}
