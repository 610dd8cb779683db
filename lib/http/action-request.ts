import { requestHost } from "@/lib/auth/client-ip";
import { findInputProblem } from "@/lib/validation/input-scan";

/**
 * Server action posts, checked in proxy.ts before Next decodes them. Next refuses a foreign
 * Origin, an oversized body and arguments nested past its decoder's stack, but each of those
 * as a 500; these answer 403, 411/413 and 400 instead. The guard in server/actions/safe-action.ts
 * still checks the caller and the input of every action that gets through.
 */
/** Next's own limit for server action bodies (serverActions.bodySizeLimit, 1 MB). */
export const ACTION_MAX_BYTES = 1024 * 1024;
const MAX_PARTS = 200;

export async function refuseBadServerAction(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const origin = request.headers.get("origin");
  if (origin !== null && hostOf(origin) !== requestHost(request.headers)) {
    return refusal(403, "forbidden", "Cross-origin action refused: send it from Report Desk itself");
  }
  const length = request.headers.get("content-length");
  if (length === null || !/^\d+$/.test(length)) return refusal(411, "length_required", "Send the action with a Content-Length");
  if (Number(length) > ACTION_MAX_BYTES) return refusal(413, "payload_too_large", "The action's arguments are larger than 1 MB");
  const parts = await argumentTexts(request.clone());
  if (parts === null) return refusal(400, "bad_request", `The action's arguments have more than ${MAX_PARTS} parts`);
  for (const text of parts) {
    const problem = findInputProblem(parseOrNull(text));
    if (problem?.kind === "depth") return refusal(400, "bad_request", problem.message);
  }
  return null;
}

/** The encoded arguments: one text, or each text field of a multipart body; null when there are too many parts. */
async function argumentTexts(request: Request): Promise<string[] | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) return [await request.text()];
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return [];
  }
  const texts: string[] = [];
  for (const [, value] of form) {
    if (texts.length >= MAX_PARTS) return null;
    if (typeof value === "string") texts.push(value);
  }
  return texts;
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function refusal(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}
