"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { takeSnapshotAction } from "@/server/actions/transfer";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { createSnapshotSchema } from "@/lib/validation/snapshot";
import { reach } from "@/components/ui/reach";

type Fields = z.input<typeof createSnapshotSchema>;
type Parsed = z.output<typeof createSnapshotSchema>;

/** Freezes the year as it is now, with an optional reason ("sent to layout", "before review"). */
export function TakeSnapshotForm({ year }: { year: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Fields, unknown, Parsed>({ resolver: zodResolver(createSnapshotSchema), defaultValues: { reason: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await reach(takeSnapshotAction({ params: { year }, body: values }));
    if (!result.ok) {
      applyFieldErrors(result.fieldErrors, setError);
      setMessage({ ok: false, text: result.message });
      return;
    }
    reset({ reason: "" });
    setMessage({ ok: true, text: `Snapshot ${result.data.id} taken (sha256 ${result.data.sha256.slice(0, 12)}…).` });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} className="card flex flex-wrap items-end gap-3 p-4" noValidate>
      <div className="min-w-64 flex-1">
        <label htmlFor="snapshot-reason" className="field-label">
          Reason (optional)
        </label>
        <input id="snapshot-reason" className="field-input" placeholder="e.g. sent to layout" aria-invalid={!!errors.reason} {...register("reason")} />
        {errors.reason ? <p className="field-error">{errors.reason.message}</p> : null}
      </div>
      <button type="submit" className="btn-primary" disabled={isSubmitting}>
        {isSubmitting ? "Taking snapshot…" : "Take snapshot now"}
      </button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`w-full text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
