import { z } from "zod";
import { ROLES } from "@/lib/domain";
import { emailSchema, nameSchema, newPasswordSchema } from "./password";

const roleSchema = z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ")}` });

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

/** `PATCH /api/v1/users/{id}`: any of role, active and a new password; at least one. */
export const updateUserSchema = z
  .object({
    role: roleSchema.optional(),
    active: z.boolean({ error: "Active must be true or false" }).optional(),
    password: newPasswordSchema.optional(),
  })
  .refine((v) => v.role !== undefined || v.active !== undefined || v.password !== undefined, {
    message: "Send at least one of role, active and password",
  });

export type UpdateUserInput = z.output<typeof updateUserSchema>;

const userId = z.number().int().positive().max(2_147_483_647);

export const resetPasswordSchema = z
  .object({ userId, password: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });

/** The account page: the current password proves it is really the owner at the keyboard. */
export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(1024, "Password is too long"),
    newPassword: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, { path: ["confirm"], message: "The two passwords differ" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });
