import "server-only";
import { z } from "zod";
import { AppError, isDatabaseUnavailable, isStatementTimeout } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/validation/value";

/** What a failure means to the caller, whichever door it came through (decision 025). */
export type ErrorDescription = {
  status: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
  /** Extra members of the answer, e.g. the current row on a 409 or the row errors of a batch. */
  extra?: Record<string, unknown>;
};

/**
 * The one mapping from a thrown error to a status and what to tell the caller. API routes and
 * server actions both answer with it: kept apart, the two copies drifted (a cancelled statement
 * was a 503 `timeout` in the API and a 500 in the forms). Only real bugs are 500s; those and an
 * unreachable database are logged with `source` so the log says which door it came through.
 */
export function describeError(error: unknown, source: "api" | "action"): ErrorDescription {
  if (error instanceof AppError) {
    return { status: error.status, code: error.code, message: error.message, fields: error.fields, extra: error.extra };
  }
  // Commands parse with a schema only they know (a value with its metric's rules), as the guards do.
  if (error instanceof z.ZodError) {
    return { status: 422, code: "validation", message: "Some fields are not valid", fields: zodFieldErrors(error) };
  }
  if (isStatementTimeout(error)) {
    return { status: 503, code: "timeout", message: "The request took too long and was cancelled; try again or narrow it down" };
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[${source}] database unavailable:`, error);
    return { status: 503, code: "unavailable", message: "The database cannot be reached right now; try again shortly" };
  }
  console.error(`[${source}] unexpected error:`, error);
  return { status: 500, code: "internal", message: "Something went wrong on the server; it has been logged" };
}
