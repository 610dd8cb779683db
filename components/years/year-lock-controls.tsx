"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { lockYearFromPage, unlockYearFromPage } from "@/app/(app)/years/actions";
import { unlockYearSchema } from "@/lib/validation/year";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Modal } from "@/components/ui/modal";

/** Reviewer or admin: signs the year off after a confirmation that names it. */
export function LockYearButton({ year }: { year: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function lock() {
    setBusy(true);
    setError(null);
    const result = await lockYearFromPage({ year });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setOpen(false);
    router.refresh();
  }

  return (
    <>
      <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
        Lock {year}
      </button>
      <Modal
        open={open}
        onClose={() => setOpen(false)}
        title={`Lock ${year}?`}
        description={`Locking signs ${year} off: its figures and quotes become read-only for everyone and a snapshot of them is kept. Only an admin can unlock it again, with a reason.`}
      >
        {error ? (
          <p role="alert" className="mb-3 rounded-md bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        ) : null}
        <DialogActions onCancel={() => setOpen(false)} label={`Lock ${year}`} busyLabel="Locking…" busy={busy} onConfirm={() => void lock()} />
      </Modal>
    </>
  );
}

type UnlockFields = z.input<typeof unlockYearSchema>;

/** Admin only: reopens a signed-off year; the reason goes to the audit log. */
export function UnlockYearButton({ year }: { year: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<UnlockFields, unknown, z.output<typeof unlockYearSchema>>({ resolver: zodResolver(unlockYearSchema), defaultValues: { reason: "" } });

  const onSubmit = handleSubmit(async ({ reason }) => {
    setError(null);
    const result = await unlockYearFromPage({ year, reason });
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
        Unlock {year}
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title={`Unlock ${year}?`} description="Editors will be able to change its figures and quotes again. Say why: the reason is kept in the audit log.">
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {error ? (
            <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
              {error}
            </p>
          ) : null}
          <div>
            <label htmlFor="unlock-reason" className="field-label">
              Reason for unlocking
            </label>
            <textarea
              id="unlock-reason"
              rows={3}
              className="field-input"
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={errors.reason ? "unlock-reason-error" : undefined}
              {...register("reason")}
            />
            {errors.reason ? (
              <p id="unlock-reason-error" className="field-error">
                {errors.reason.message}
              </p>
            ) : null}
          </div>
          <DialogActions onCancel={() => setOpen(false)} label={`Unlock ${year}`} busyLabel="Unlocking…" busy={isSubmitting} tone="danger" />
        </form>
      </Modal>
    </>
  );
}
