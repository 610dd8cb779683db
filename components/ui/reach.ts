import type { ActionResult } from "@/server/actions/safe-action";

/** What a form shows when its server action never answered: the network failed or the server is down. */
export const UNREACHABLE_MESSAGE = "Could not reach the server. Check your connection and try again.";

/**
 * A server action's answer, or a refusal a form can show when there was none. A server action
 * answers every rule's refusal as data; only a failed request rejects, and unhandled that would
 * leave a row "Saving…" and a button doing nothing that anyone can see.
 */
export async function reach<T>(call: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call;
  } catch {
    return { ok: false, code: "unreachable", message: UNREACHABLE_MESSAGE };
  }
}
