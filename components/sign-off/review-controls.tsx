"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { returnYearAction, submitYearAction } from "@/server/actions/years";
import { returnYearSchema } from "@/lib/validation/year";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Modal } from "@/components/ui/modal";
import { reach } from "@/components/ui/reach";

/** Editors hand the year to the reviewers; figures stay editable while it is in review. */
export function SubmitYearButton({ year }: { year: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    setBusy(true);
    setError(null);
    const result = await reach(submitYearAction({ params: { year } }));
    setBusy(false);
    if (!result.ok) setError(result.message);
    else router.refresh();
  }
  return (
    <>
      <button type="button" className="btn-primary" disabled={busy} onClick={() => void submit()}>
        {busy ? "Submitting…" : "Submit for review"}
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

type ReturnFields = z.input<typeof returnYearSchema>;

/** A reviewer sends the year back with what to look at; the editors see the message on the year page. */
export function ReturnYearButton({ year }: { year: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<ReturnFields, unknown, z.output<typeof returnYearSchema>>({ resolver: zodResolver(returnYearSchema), defaultValues: { message: "" } });

  const onSubmit = handleSubmit(async ({ message }) => {
    setError(null);
    const result = await reach(returnYearAction({ params: { year }, body: { message } }));
    if (!result.ok) {
      applyFieldErrors(result.fieldErrors, setFieldError);
      setError(result.message);
      return;
    }
    setOpen(false);
    reset();
    router.refresh();
  });

  return (
    <>
      <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
        Return to editors
      </button>
      <Modal
        open={open}
        onClose={() => setOpen(false)}
        title={`Return ${year} to the editors?`}
        description="The year goes back to open. Say what needs another look: the editors see your message on the year page until they submit again."
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {error ? (
            <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
              {error}
            </p>
          ) : null}
          <div>
            <label htmlFor="return-message" className="field-label">
              Message to the editors
            </label>
            <textarea
              id="return-message"
              rows={4}
              className="field-input"
              aria-invalid={errors.message ? true : undefined}
              aria-describedby={errors.message ? "return-message-error" : undefined}
              {...register("message")}
            />
            {errors.message ? (
              <p id="return-message-error" className="field-error">
                {errors.message.message}
              </p>
            ) : null}
          </div>
          <DialogActions onCancel={() => setOpen(false)} label={`Return ${year}`} busyLabel="Returning…" busy={isSubmitting} />
        </form>
      </Modal>
    </>
  );
}
