import "server-only";
import type { AnyOperation } from "@/server/operation";

/**
 * In the test suites (REPORT_DESK_CHECK_RESPONSES=1, set by vitest and by Playwright's servers)
 * every JSON answer of an operation is parsed with the schema the document publishes for it, so
 * the document cannot promise what the code does not send. A mismatch is a 500 whose message names
 * the operation and the first wrong field, which fails whichever test made the call. Off in
 * production: the schemas are the code's own, checking them there would only cost time.
 */
function checkingResponses(): boolean {
  return process.env.REPORT_DESK_CHECK_RESPONSES === "1";
}

class ResponseMismatchError extends Error {}

/** The route's answer, checked when it is a JSON success: its body must parse with the operation's response schema. */
export async function checkResponse(op: AnyOperation, response: Response): Promise<Response> {
  if (!checkingResponses() || response.status >= 300) return response;
  if (!(response.headers.get("content-type") ?? "").startsWith("application/json")) return response;
  if ((op.responseTypes ?? ["application/json"])[0] !== "application/json") {
    // A download answered as JSON (format=json) is checked by its own tests against docs/export-format.md.
    return response;
  }
  assertMatches(op, await response.clone().json());
  return response;
}

/** The action's result, as the page receives it, against the same schema. */
export function checkActionResult(op: AnyOperation, data: unknown): void {
  if (checkingResponses() && op.response) assertMatches(op, JSON.parse(JSON.stringify(data ?? null)) as unknown);
}

function assertMatches(op: AnyOperation, body: unknown): void {
  const parsed = op.response.safeParse(body);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  throw new ResponseMismatchError(
    `The answer of ${op.method} ${op.path ?? op.summary} does not match its documented schema at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`,
  );
}
