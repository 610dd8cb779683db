import { z } from "zod";

export const TOKEN_DEFAULT_DAYS = 90;
const TOKEN_MAX_DAYS = 3_650;
/** What the account page offers; the API takes any whole number of days up to TOKEN_MAX_DAYS, or null for never. */
export const TOKEN_LIFETIMES = [
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
  { days: null, label: "Never" },
] as const;

export const createTokenSchema = z.object({
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(80, "Name must be at most 80 characters"),
  expiresInDays: z
    .number({ error: "Expiry must be a number of days, or null for never" })
    .int("Expiry must be a whole number of days")
    .min(1, "Expiry must be at least 1 day")
    .max(TOKEN_MAX_DAYS, `Expiry must be at most ${TOKEN_MAX_DAYS.toLocaleString("en-US")} days`)
    .nullable()
    .default(TOKEN_DEFAULT_DAYS),
});

/** When a token created at `now` for `days` stops working; null never. */
export function tokenExpiry(days: number | null, now: Date = new Date()): Date | null {
  return days === null ? null : new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}
