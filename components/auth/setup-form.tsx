"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { setupAction } from "@/server/actions/people";
import { setupSchema } from "@/lib/validation/user";
import { applyFieldErrors } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/text-field";
import { PasswordMeter } from "./password-meter";
import { reach } from "@/components/ui/reach";

type Fields = z.input<typeof setupSchema>;

export function SetupForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<Fields>({
    resolver: zodResolver(setupSchema),
    defaultValues: { name: "", email: "", password: "", confirm: "" },
  });
  const password = useWatch({ control, name: "password" });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await reach(setupAction({ body: values }));
    if (!result.ok) {
      applyFieldErrors(result.fieldErrors, setFieldError);
      setError(result.message);
      return;
    }
    const signedIn = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    router.replace(signedIn?.ok ? "/" : "/login");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4" method="post">
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <TextField id="name" label="Name" autoComplete="name" registration={register("name")} error={errors.name} />
      <TextField id="email" label="Email" type="email" autoComplete="username" registration={register("email")} error={errors.email} />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        describedBy="password-strength"
        registration={register("password")}
        error={errors.password}
      >
        <PasswordMeter password={password} id="password-strength" />
      </TextField>
      <TextField
        id="confirm"
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        registration={register("confirm")}
        error={errors.confirm}
      />
      <button type="submit" className="btn-primary w-full" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create administrator"}
      </button>
    </form>
  );
}
