import { z } from "zod";
import { AppError, isDatabaseUnavailable, isStatementTimeout } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/validation/value";

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

export function errorResponse(status: number, code: string, message: string, extra?: Record<string, unknown>, fields?: Record<string, string>) {
  return Response.json({ error: { code, message, ...(fields ? { fields } : {}) }, ...extra } satisfies ErrorBody, {
    status,
    headers: { "Cache-Control": "no-store" },
  });
}

/** Every failure of a route handler becomes the contract's error body; only real bugs are 500s. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return errorResponse(error.status, error.code, error.message, error.extra, error.fields);
  if (error instanceof z.ZodError) {
    return errorResponse(422, "validation", "Some fields are not valid", undefined, zodFieldErrors(error));
  }
  if (isStatementTimeout(error)) {
    return errorResponse(503, "timeout", "The request took too long and was cancelled; try again or narrow it down");
  }
  if (isDatabaseUnavailable(error)) {
    console.error("[api] database unavailable:", error);
    return errorResponse(503, "unavailable", "The database cannot be reached right now; try again shortly");
  }
  console.error("[api] unexpected error:", error);
  return errorResponse(500, "internal", "Something went wrong on the server; it has been logged");
}
