import "server-only";
import { describeError } from "@/server/describe-error";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

export function errorResponse(status: number, code: string, message: string, extra?: Record<string, unknown>, fields?: Record<string, string>) {
  return Response.json({ error: { code, message, ...(fields ? { fields } : {}) }, ...extra } satisfies ErrorBody, {
    status,
    headers: { "Cache-Control": "no-store" },
  });
}

/** Every failure of a route handler becomes the contract's error body (server/describe-error.ts). */
export function toErrorResponse(error: unknown): Response {
  const { status, code, message, extra, fields } = describeError(error, "api");
  return errorResponse(status, code, message, extra, fields);
}
