import "server-only";
import { headers } from "next/headers";
import { type z } from "zod";
import { authorize, currentActor, type Actor } from "@/server/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { describeError } from "@/server/describe-error";
import { requestContext, type RequestContext } from "@/server/request-context";
import { assertSafeInput } from "@/lib/validation/input-scan";
import type { ValueRowError } from "@/lib/validation/value-batch";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: string;
      message: string;
      fieldErrors?: Record<string, string>;
      extra?: Record<string, unknown>;
      /** A refused batch save's error per row (saveValues), so a grid can mark each row. */
      rows?: ValueRowError[];
    };

/**
 * Server actions are reachable by a direct POST, so each one goes through this: the same
 * guard as the API (session → role), the form's own zod schema, and errors returned as data
 * a form can show (never thrown strings). The returned function takes the schema's input type
 * so TypeScript checks what a page sends; the parse at run time stays, for the direct POSTs.
 */
export function guardedAction<S extends z.ZodType, R>(
  permission: Permission,
  schema: S,
  fn: (input: z.output<S>, ctx: RequestContext<Actor>) => Promise<R>,
) {
  return async (input: z.input<S>): Promise<ActionResult<R>> =>
    run(async () => authorize(await currentActor(), permission), schema, input, fn);
}

/** For the few actions open to anyone (first-run set-up): validation and error mapping only. */
export function publicAction<S extends z.ZodType, R>(schema: S, fn: (input: z.output<S>, ctx: RequestContext<null>) => Promise<R>) {
  return async (input: z.input<S>): Promise<ActionResult<R>> => run(() => Promise.resolve(null), schema, input, fn);
}

/** The caller first (401/403 before anything about the input), then the input, then the work. */
async function run<S extends z.ZodType, R, A>(
  caller: () => Promise<A>,
  schema: S,
  raw: unknown,
  fn: (input: z.output<S>, ctx: RequestContext<A>) => Promise<R>,
): Promise<ActionResult<R>> {
  try {
    const ctx = await requestContext(await headers(), caller);
    assertSafeInput(raw);
    // A refused parse throws a ZodError, answered below exactly as the API answers it.
    const input = await schema.parseAsync(raw);
    return { ok: true, data: await fn(input, ctx) };
  } catch (error) {
    return toActionFailure(error);
  }
}

/** The API's mapping (server/describe-error.ts) as a form result; only the status is left out. */
function toActionFailure(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  const { code, message, fields, extra } = describeError(error, "action");
  // Only saveValues refuses with `rows` on the way to an action (an import's go to the API alone).
  const rows = extra?.rows;
  return {
    ok: false,
    code,
    message,
    ...(fields ? { fieldErrors: fields } : {}),
    ...(extra ? { extra } : {}),
    ...(Array.isArray(rows) ? { rows: rows as ValueRowError[] } : {}),
  };
}
