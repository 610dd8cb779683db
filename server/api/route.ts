import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { requestHost } from "@/lib/auth/client-ip";
import { authorize, resolveActor } from "@/server/auth/guard";
import { AppError } from "@/lib/errors";
import { requestContext } from "@/server/request-context";
import { assertSafeInput } from "@/lib/validation/input-scan";
import { withApiHeaders } from "@/lib/http/security-headers";
import { ServerTiming } from "@/server/http/server-timing";
import { readCapped } from "@/server/api/read-capped";
import { errorResponse, toErrorResponse } from "@/server/api/respond";
import { checkResponse } from "@/server/check-response";
import type { AnyOperation } from "@/server/operation";

const MAX_JSON_BYTES = 1_000_000;

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = ((req: NextRequest, context: RouteContext) => Promise<Response>) & { operation?: AnyOperation };

/**
 * The route handler of an operation (server/operation.ts), and the one guard every API call goes
 * through: who is calling (401), may they (403), does a cookie-authenticated write come from our
 * own origin (403), is the input valid (400/422); then the handler, with every failure mapped to
 * the contract's error body. Every answer says in Server-Timing how long the caller's check, the
 * database, the handler and the JSON took. The operation rides on the handler so a test can tie
 * each route file to the document.
 */
export function route(op: AnyOperation): RouteHandler {
  const handle = (req: NextRequest, context: RouteContext): Promise<Response> => {
    const timing = new ServerTiming();
    return timing.run(async () => withApiHeaders(await answer(op, req, context, timing), req, timing.header()));
  };
  return Object.assign(handle, { operation: op });
}

async function answer(op: AnyOperation, req: NextRequest, context: RouteContext, timing: ServerTiming): Promise<Response> {
  try {
    const { permission } = op;
    // Nobody to check for an operation open to anyone, and nothing to report as `auth`.
    const caller =
      permission === "public" ? () => Promise.resolve(null) : () => timing.phase("auth", async () => authorize(await resolveActor(req.headers), permission));
    const ctx = await requestContext(req.headers, caller, { openDatabase: !op.opensItsOwnDatabase });
    if (req.method !== "GET" && req.method !== "HEAD" && ctx.actor?.via === "session") assertSameOrigin(req);
    const params = parseOr400(op.params, await context.params, "path");
    const query = parseOr400(op.query, Object.fromEntries(req.nextUrl.searchParams), "query");
    const body = op.body ? await op.body.parseAsync(await readSafeJson(req, op.bodyOptional ?? false)) : undefined;
    const result = await timing.phase("handler", () => op.handler({ ...ctx, params, query, body, req } as Parameters<AnyOperation["handler"]>[0]));
    const response =
      result instanceof Response
        ? result
        : timing.phase("serialise", () => Response.json(result, { status: op.successStatus ?? 200, headers: { "Cache-Control": "no-store" } }));
    return await checkResponse(op, await response);
  } catch (error) {
    return toErrorResponse(error);
  }
}

/** A read open to anyone that is not an operation of the document: the API's own 404. */
export function unknownApiPath(req: Request): Promise<Response> {
  const timing = new ServerTiming();
  return Promise.resolve(withApiHeaders(errorResponse(404, "not_found", `No API route ${new URL(req.url).pathname}`), req, timing.header()));
}

function parseOr400(schema: z.ZodType | undefined, input: unknown, where: string) {
  if (!schema) return undefined;
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
