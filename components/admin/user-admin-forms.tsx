"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { resetPasswordAction, updateUserAction } from "@/server/actions/people";
import { PasswordMeter } from "@/components/auth/password-meter";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/text-field";
import { ROLES, type Role } from "@/lib/domain";
import { resetPasswordSchema } from "@/lib/validation/user";
import { ROLE_HELP } from "./role-help";
import { reach } from "@/components/ui/reach";

type Message = { ok: boolean; text: string } | null;

function Feedback({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p role={message.ok ? "status" : "alert"} className={`rounded-md p-3 text-sm ${message.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-800"}`}>
      {message.text}
    </p>
  );
}

export function ChangeRoleForm({ userId, role }: { userId: number; role: Role }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<Role>(role);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    const result = await reach(updateUserAction({ params: { id: userId }, body: { role: chosen } }));
    setPending(false);
    if (!result.ok) {
      setMessage({ ok: false, text: result.message });
      return;
    }
    setMessage({ ok: true, text: `Role changed to ${result.data.role}. Their open sessions have ended; they sign in again to continue.` });
    router.refresh();
  };
  return (
    <form onSubmit={submit} className="space-y-3">
      <Feedback message={message} />
      <div>
        <label htmlFor="role" className="field-label">
          Role
        </label>
        <select id="role" className="field-input sm:max-w-xs" value={chosen} onChange={(e) => setChosen(e.target.value as Role)} aria-describedby="role-help">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <p id="role-help" className="mt-1 text-xs text-gray-600">
          {chosen}: {ROLE_HELP[chosen]}
        </p>
      </div>
      <button type="submit" className="btn-primary" disabled={pending || chosen === role}>
        {pending ? "Saving…" : "Change role"}
      </button>
    </form>
  );
}

/** Deactivation asks once more, since it ends the person's sessions and tokens immediately. */
export function ActiveToggle({ userId, name, active }: { userId: number; name: string; active: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const apply = async (next: boolean) => {
    setPending(true);
    setMessage(null);
    const result = await reach(updateUserAction({ params: { id: userId }, body: { active: next } }));
    setPending(false);
    setConfirming(false);
    if (!result.ok) {
      setMessage({ ok: false, text: result.message });
      return;
    }
    setMessage({
      ok: true,
      text: next ? `${name} is active again and can sign in.` : `${name} is deactivated: their sessions and API tokens stopped working.`,
    });
    router.refresh();
  };
  return (
    <div className="space-y-3">
      <Feedback message={message} />
      {active ? (
        confirming ? (
          <div className="rounded-md border border-red-200 bg-red-50 p-4">
            <p className="text-sm text-red-900">Deactivate {name}? They are signed out at once and their API tokens stop working. Their past work stays.</p>
            <div className="mt-3 flex flex-wrap gap-2">
              <button type="button" className="btn-danger" disabled={pending} onClick={() => apply(false)}>
                {pending ? "Deactivating…" : "Yes, deactivate"}
              </button>
              <button type="button" className="btn-secondary" disabled={pending} onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <>
            <p className="text-sm text-gray-700">{name} can sign in and use their API tokens.</p>
            <button type="button" className="btn-danger" onClick={() => setConfirming(true)}>
              Deactivate
            </button>
          </>
        )
      ) : (
        <>
          <p className="text-sm text-gray-700">{name} is deactivated and cannot sign in.</p>
          <button type="button" className="btn-primary" disabled={pending} onClick={() => apply(true)}>
            {pending ? "Reactivating…" : "Reactivate"}
          </button>
        </>
      )}
    </div>
  );
}

type ResetFields = z.input<typeof resetPasswordSchema>;

export function ResetPasswordForm({ userId }: { userId: number }) {
  const [message, setMessage] = useState<Message>(null);
  const {
    register,
    handleSubmit,
    control,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ResetFields>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { userId, password: "", confirm: "" } });
  const password = useWatch({ control, name: "password" });
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await reach(resetPasswordAction({ body: values }));
    if (!result.ok) {
      applyFieldErrors(result.fieldErrors, setError);
      setMessage({ ok: false, text: result.message });
      return;
    }
    reset({ userId, password: "", confirm: "" });
    setMessage({ ok: true, text: "Password reset. They were signed out everywhere; give them the new password through a separate channel." });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <Feedback message={message} />
      <TextField
        id="reset-password"
        label="New password"
        type="password"
        autoComplete="new-password"
        describedBy="reset-strength"
        registration={register("password")}
        error={errors.password}
      >
        <PasswordMeter password={password} id="reset-strength" />
      </TextField>
      <TextField
        id="reset-confirm"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        registration={register("confirm")}
        error={errors.confirm}
      />
      <button type="submit" className="btn-primary" disabled={isSubmitting}>
        {isSubmitting ? "Resetting…" : "Reset password"}
      </button>
    </form>
  );
}
