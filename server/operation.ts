import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { OperationDoc } from "@/lib/api/openapi";
import type { Permission } from "@/lib/auth/permissions";
import type { RequestContext } from "@/server/request-context";

type Schema = z.ZodType | undefined;
/** Path parameters and query strings are objects: the document lists their fields one by one. */
type Fields = z.ZodObject | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** Who a handler sees: a signed-in actor, or nobody for the few operations open to anyone. */
type CallerOf<G extends Permission | "public"> = G extends "public" ? null : Actor;

export type OperationContext<G extends Permission | "public", P extends Schema, Q extends Schema, B extends Schema> = RequestContext<CallerOf<G>> & {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  /** Only over HTTP, for the one operation that streams its own body (an import's upload). */
  req?: Request;
};

/**
 * One capability, described once (decision 027): what the API route parses and answers, what the
 * OpenAPI document says, and what a page's server action sends are all derived from this. The
 * handler calls the one server function that does the work; `route()` and `action()` wrap it
 * with the same guard, and both answer the same data.
 */
export type Operation<
  G extends Permission | "public" = Permission | "public",
  P extends Fields = Fields,
  Q extends Fields = Fields,
  B extends Schema = Schema,
  R = unknown,
> = Omit<OperationDoc, "permission" | "params" | "query" | "body"> & {
  permission: G;
  params?: P;
  query?: Q;
  body?: B;
  /** The handler opens the database itself and gets no `db` (the health check, which reports a failed open). */
  opensItsOwnDatabase?: true;
  // A method, not a property: methods compare bivariantly, so every operation is an AnyOperation.
  handler(ctx: OperationContext<G, P, Q, B>): Promise<R>;
};

export type AnyOperation = Operation<Permission | "public", Fields, Fields, Schema, unknown>;

/** Identity at run time; it lets TypeScript infer the handler's context from the schemas. */
export function defineOperation<
  G extends Permission | "public",
  P extends Fields = undefined,
  Q extends Fields = undefined,
  B extends Schema = undefined,
  R = unknown,
>(op: Operation<G, P, Q, B, R>): Operation<G, P, Q, B, R> {
  return op;
}
