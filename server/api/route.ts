import "server-only";
import type { NextRequest } from "next/server";
import { type z } from "zod";
import { requestHost } from "@/lib/auth/client-ip";
import { authorize, resolveActor } from "@/server/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { requestContext, type RequestContext } from "@/server/request-context";
import { assertSafeInput } from "@/lib/validation/input-scan";
import { withApiHeaders } from "@/lib/http/security-headers";
import { ServerTiming } from "@/server/http/server-timing";
import { readCapped } from "@/server/api/read-capped";
import { toErrorResponse } from "@/server/api/respond";

const MAX_JSON_BYTES = 1_000_000;

/** The same `{ db, actor, ip }` server actions get (server/request-context.ts), with the parsed input. */
type Ctx<P, Q, B> = RequestContext & { params: P; query: Q; body: B; req: NextRequest };

type Spec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  permission: Permission;
  params?: P;
  query?: Q;
  /** JSON body schema; omit for handlers that read the body themselves (CSV import). */
  body?: B;
  /** An empty body reads as `{}` (a DELETE may carry a version to check, or nothing). */
  bodyOptional?: boolean;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The one guard every API route goes through: who is calling (401), may they (403), does a
 * cookie-authenticated write come from our own origin (403), is the input valid (400/422);
 * then the handler, with every failure mapped to the contract's error body. Every answer says in
 * Server-Timing how long the caller's check, the database, the handler and the JSON took.
 */
export function apiRoute<P extends z.ZodType = z.ZodObject, Q extends z.ZodType = z.ZodObject, B extends z.ZodType = z.ZodUnknown>(
  spec: Spec<P, Q, B>,
  handler: (ctx: Ctx<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>,
) {
  return (req: NextRequest, context: RouteContext): Promise<Response> => {
    const timing = new ServerTiming();
    return timing.run(async () => {
      const response = await answer(req, context, timing);
      return withApiHeaders(response, req, timing.header());
    });
  };

  async function answer(req: NextRequest, context: RouteContext, timing: ServerTiming): Promise<Response> {
    try {
      const ctx = await requestContext(req.headers, () =>
        timing.phase("auth", async () => authorize(await resolveActor(req.headers), spec.permission)),
      );
      if (req.method !== "GET" && req.method !== "HEAD" && ctx.actor.via === "session") assertSameOrigin(req);
      const params = parseOr400(spec.params, await context.params, "path");
      const query = parseOr400(spec.query, Object.fromEntries(req.nextUrl.searchParams), "query");
      const body = spec.body ? await spec.body.parseAsync(await readSafeJson(req, spec.bodyOptional ?? false)) : undefined;
      const result = await timing.phase("handler", () =>
        handler({ ...ctx, params, query, body, req } as Ctx<z.output<P>, z.output<Q>, z.output<B>>),
      );
      if (result instanceof Response) return result;
      return timing.phase("serialise", () => Response.json(result, { headers: { "Cache-Control": "no-store" } }));
    } catch (error) {
      return toErrorResponse(error);
    }
  }
}

/** A read open to anyone, such as the health check and the OpenAPI document. */
export function publicRoute(handler: (req: Request) => Promise<unknown> | unknown) {
  return (req: Request): Promise<Response> => {
    const timing = new ServerTiming();
    return timing.run(async () => {
      let response: Response;
      try {
        const result = await timing.phase("handler", () => handler(req));
        response = result instanceof Response ? result : await timing.phase("serialise", () => Response.json(result));
      } catch (error) {
        response = toErrorResponse(error);
      }
      return withApiHeaders(response, req, timing.header());
    });
  };
}

function parseOr400<S extends z.ZodType>(schema: S | undefined, input: unknown, where: string) {
  if (!schema) return input;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = issue?.path.join(".") || where;
  throw new AppError("bad_request", `Invalid ${where} parameter ${name}: ${issue?.message ?? "invalid"}`);
}

/** Browsers send Origin on cross-site writes; a cookie alone must not be enough to change data. */
function assertSameOrigin(req: NextRequest) {
  const origin = req.headers.get("origin");
  const host = requestHost(req.headers);
  if (origin) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost && originHost === host) return;
  } else if (req.headers.get("sec-fetch-site") === "same-origin") {
    return;
  }
  throw new AppError("forbidden", "Cross-origin write refused: send the request from Report Desk itself or use an API token");
}

async function readSafeJson(req: NextRequest, optional: boolean): Promise<unknown> {
  const input = await readJson(req, optional);
  assertSafeInput(input);
  return input;
}

async function readJson(req: NextRequest, optional: boolean): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json)");
  }
  const tooLarge = () => new AppError("payload_too_large", "The JSON body is larger than 1 MB");
  const text = new TextDecoder().decode(await readCapped(req, MAX_JSON_BYTES, tooLarge));
  if (!text.trim()) {
    if (optional) return {};
    throw new AppError("bad_request", "The request body is empty: send a JSON object");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
}
