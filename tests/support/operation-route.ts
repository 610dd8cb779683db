import { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { route } from "@/server/api/route";
import { defineOperation, type OperationContext } from "@/server/operation";

type Spec<P, Q, B> = { permission: Permission | "public"; params?: P; query?: Q; body?: B; bodyOptional?: boolean; opensItsOwnDatabase?: true };

/** The route of a one-off operation around `handler`, as the route files serve theirs from server/operations/. */
export function testRoute<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: Spec<P, Q, B>, handler: (ctx: OperationContext<Permission, P, Q, B>) => Promise<unknown>) {
  return route(defineOperation({ method: "PUT", path: "/api/v1/test", summary: "a test route", response: z.unknown(), ...spec, handler }));
}
