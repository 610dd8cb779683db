"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/server/actions/safe-action";
import { applyFieldErrors } from "./form-errors";
import { DialogActions } from "./dialog-actions";
import { Modal } from "./modal";

type Fields<K extends string> = Record<K, string>;
// Inside, the form is a record of strings: react-hook-form's path types cannot follow a field name that is a type parameter.
type Form = Record<string, string>;

type Props<K extends string> = {
  /** What the button that opens the dialog says. */
  opener: string;
  title: string;
  description: string;
  /** The one field, as the action's schema names it, and how the form shows it. */
  field: { name: K; id: string; label: string; rows: number };
  schema: z.ZodType<Fields<K>, Fields<K>>;
  /** The server action's call, through reach(): what it answers is shown in the dialog. */
  send: (body: Fields<K>) => Promise<ActionResult<unknown>>;
  confirm: { label: string; busyLabel: string; tone?: "primary" | "danger" };
};

/**
 * A button that opens a dialog asking for one written text (a message, a reason) and sends it,
 * checked by the action's own schema first; the page is read again once the server accepts it.
 */
export function WrittenReasonDialog<K extends string>({ opener, title, description, field, schema, send, confirm }: Props<K>) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<Form>({ resolver: zodResolver(schema as unknown as z.ZodType<Form, Form>), defaultValues: { [field.name]: "" } });
  const fieldError = errors[field.name]?.message;
  const errorId = `${field.id}-error`;

  const onSubmit = handleSubmit(async (body) => {
    setError(null);
    const result = await send(body as Fields<K>);
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
        {opener}
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title={title} description={description}>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {error ? (
            <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
              {error}
            </p>
          ) : null}
          <div>
            <label htmlFor={field.id} className="field-label">
              {field.label}
            </label>
            <textarea
              id={field.id}
              rows={field.rows}
              className="field-input"
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? errorId : undefined}
              {...register(field.name)}
            />
            {fieldError ? (
              <p id={errorId} className="field-error">
                {fieldError}
              </p>
            ) : null}
          </div>
          <DialogActions onCancel={() => setOpen(false)} label={confirm.label} busyLabel={confirm.busyLabel} busy={isSubmitting} tone={confirm.tone} />
        </form>
      </Modal>
    </>
  );
}
