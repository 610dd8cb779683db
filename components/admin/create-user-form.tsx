"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { createUserAction } from "@/server/actions/people";
import { PasswordMeter } from "@/components/auth/password-meter";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/text-field";
import { ROLES } from "@/lib/domain";
import { createUserSchema } from "@/lib/validation/user";
import { ROLE_HELP } from "./role-help";
import { reach } from "@/components/ui/reach";

type Fields = z.input<typeof createUserSchema>;

export function CreateUserForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<Fields>({ resolver: zodResolver(createUserSchema), defaultValues: { name: "", email: "", role: "viewer", password: "" } });
  const password = useWatch({ control, name: "password" });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await reach(createUserAction({ body: values }));
    if (!result.ok) {
      applyFieldErrors(result.fieldErrors, setFieldError);
      setError(result.message);
      return;
    }
    router.push(`/admin/users/${result.data.id}?created=1`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card space-y-4 p-6">
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <TextField id="name" label="Name" autoComplete="off" registration={register("name")} error={errors.name} />
      <TextField id="email" label="Email" type="email" autoComplete="off" registration={register("email")} error={errors.email} />
      <fieldset>
        <legend className="field-label">Role</legend>
        <div className="mt-2 space-y-2">
          {ROLES.map((r) => (
            <label key={r} className="flex items-start gap-2 text-sm">
              <input type="radio" value={r} className="mt-0.5 text-blue-700 focus:ring-blue-600" {...register("role")} />
              <span>
                <span className="font-medium">{r}</span> <span className="text-gray-600">— {ROLE_HELP[r]}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.role ? <p className="field-error">{errors.role.message}</p> : null}
      </fieldset>
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        describedBy="new-user-strength"
        registration={register("password")}
        error={errors.password}
      >
        <PasswordMeter password={password} id="new-user-strength" />
      </TextField>
      <button type="submit" className="btn-primary" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add person"}
      </button>
    </form>
  );
}
