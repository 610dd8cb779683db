import { z } from "zod";

export const createTokenSchema = z.object({
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(80, "Name must be at most 80 characters"),
});

export const revokeTokenSchema = z.object({ id: z.number().int().positive().max(2_147_483_647) });
