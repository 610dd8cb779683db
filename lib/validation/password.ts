import { z } from "zod";
import { passwordProblem } from "@/lib/auth/password-strength";

const PASSWORD_MIN = 12;
// ASVS asks that at least 64 characters be allowed; long passphrases are welcome.
const PASSWORD_MAX = 256;

/** Length only: no composition rules (OWASP ASVS 5, 6.2). Any character is allowed. */
const passwordLengthSchema = z
  .string()
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`);

/** For a new password: length, then the common/breached dictionary. Needs parseAsync / safeParseAsync. */
export const newPasswordSchema = passwordLengthSchema.superRefine(async (password, ctx) => {
  const problem = await passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Email is required")
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email("Email must be a valid address"));

export const nameSchema = z.string().trim().min(1, "Name is required").max(120, "Name must be at most 120 characters");
