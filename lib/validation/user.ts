import { z } from "zod";
import { ROLES } from "@/lib/domain";
import { emailSchema, nameSchema, newPasswordSchema, passwordLengthSchema } from "./password";

export const roleSchema = z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ")}` });

/** The /setup form and its server action. */
export const setupSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });

export const createUserSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  role: roleSchema,
  password: newPasswordSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  // Sign-in accepts whatever was set before: rules apply when a password is chosen.
  password: z.string().min(1, "Password is required").max(1024, "Password is too long"),
});

export { passwordLengthSchema };
