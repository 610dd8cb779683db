import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { authorize, currentActor } from "@/server/auth/guard";
import { describeError } from "@/server/describe-error";
import { AppError } from "@/lib/errors";
import { requestContext } from "@/server/request-context";
import { assertSafeInput } from "@/lib/validation/input-scan";
import type { ValueRowError } from "@/lib/validation/value-batch";
import { checkActionResult } from "@/server/check-response";
import type { AnyOperation, Operation } from "@/server/operation";

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

// A part whose fields are all optional may be left out (`{}` is the empty input here, not "any value").
type Part<K extends string, S> = S extends z.ZodType
  ? // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    {} extends z.input<S>
    ? { [k in K]?: z.input<S> }
    : { [k in K]: z.input<S> }
  : { [k in K]?: never };

/** What a page sends: the route's path parameters, query and body, by name. */
export type ActionInput<P, Q, B> = Part<"params", P> & Part<"query", Q> & Part<"body", B>;

/**
 * The server action of an operation (server/operation.ts), for the pages. Server actions are
 * reachable by a direct POST, so each goes through the API's guard: the caller first (401/403
 * before anything about the input), then the route's own schemas, and errors come back as data a
 * form can show (never thrown strings), mapped as the API maps them. The input is typed from the
 * schemas, so TypeScript checks what a page sends; the parse at run time stays, for direct POSTs.
 */
export function action<
  G extends Operation["permission"],
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  R,
>(op: Operation<G, P, Q, B, R>): (input: ActionInput<P, Q, B>) => Promise<ActionResult<Exclude<R, Response>>> {
  const operation: AnyOperation = op;
  return async (input) => {
    try {
      const ctx = await requestContext(await headers(), async () =>
        operation.permission === "public" ? null : authorize(await currentActor(), operation.permission),
      );
      const sent = envelope(input);
      // A refused parse throws a ZodError, answered below exactly as the API answers it.
      const params = await operation.params?.parseAsync(sent.params ?? {});
      const query = await operation.query?.parseAsync(sent.query ?? {});
      const body = await operation.body?.parseAsync(sent.body ?? {});
      const data = await operation.handler({ ...ctx, params, query, body });
      if (data instanceof Response) throw new Error(`${operation.method} ${operation.path} answers a download; a page links to it instead of calling it`);
      checkActionResult(operation, data);
      return { ok: true, data: data as Exclude<R, Response> };
    } catch (error) {
      return toActionFailure(error);
    }
  };
}

/**
 * What a page sent, in parts: each part is scanned (NUL, depth) on its own, so a refused field is
 * named as the form knows it (`note`, not `body.note`).
 */
function envelope(input: unknown): { params?: unknown; query?: unknown; body?: unknown } {
  if (input === undefined || input === null) return {};
  if (typeof input !== "object" || Array.isArray(input)) throw new AppError("bad_request", "A page action takes { params, query, body }");
  const sent = input as { params?: unknown; query?: unknown; body?: unknown };
  for (const part of [sent.params, sent.query, sent.body]) assertSafeInput(part);
  return sent;
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
