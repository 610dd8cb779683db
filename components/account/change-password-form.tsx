"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { changeOwnPasswordAction } from "@/server/actions/people";
import { PasswordMeter } from "@/components/auth/password-meter";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/text-field";
import { changeOwnPasswordSchema } from "@/lib/validation/user";
import { reach } from "@/components/ui/reach";

type Fields = z.input<typeof changeOwnPasswordSchema>;
const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password" },
  { name: "confirm", label: "Repeat the new password", autoComplete: "new-password" },
] as const;

/**
 * The change ends every session (session_version), this one included. Rather than send the
 * person to the sign-in page, the form signs this browser in again with the new password it
 * just set: the other devices stay signed out, and this one carries on where it was.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    control,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Fields>({ resolver: zodResolver(changeOwnPasswordSchema), defaultValues: { currentPassword: "", newPassword: "", confirm: "" } });
  const newPassword = useWatch({ control, name: "newPassword" });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await reach(changeOwnPasswordAction({ body: values }));
    if (!result.ok) {
      applyFieldErrors(result.fieldErrors, setError);
      setMessage({ ok: false, text: result.message });
      return;
    }
    const again = await signIn("credentials", { email, password: values.newPassword, redirect: false });
    if (!again?.ok) {
      router.replace("/login?callbackUrl=%2Faccount");
      return;
    }
    reset();
    setMessage({ ok: true, text: "Password changed. Every other session was signed out; you are still signed in here." });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`rounded-md p-3 text-sm ${message.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-800"}`}>
          {message.text}
        </p>
      ) : null}
      {FIELDS.map((f) => (
        <TextField
          key={f.name}
          id={f.name}
          label={f.label}
          type="password"
          autoComplete={f.autoComplete}
          describedBy={f.name === "newPassword" ? "own-strength" : undefined}
          registration={register(f.name)}
          error={errors[f.name]}
        >
          {f.name === "newPassword" ? <PasswordMeter password={newPassword} id="own-strength" /> : null}
        </TextField>
      ))}
      <button type="submit" className="btn-primary" disabled={isSubmitting}>
        {isSubmitting ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
