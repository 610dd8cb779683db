import { unstable_isUnrecognizedActionError } from "next/navigation";
import type { ActionResult } from "@/server/actions/safe-action";

/** What a form shows when its server action never answered: the network failed or the server is down. */
export const UNREACHABLE_MESSAGE = "Could not reach the server. Check your connection and try again.";

/**
 * What a form shows when the server no longer knows the page's action: Report Desk was updated
 * since the page was loaded (a deployment's actions have ids of their own). Trying again cannot
 * help; reloading does, and the person should know first that what they typed is not saved.
 */
export const OUTDATED_PAGE_MESSAGE = "Report Desk has been updated since this page was opened. Copy what you typed, reload the page and try again.";

/**
 * A server action's answer, or a refusal a form can show when there was none. A server action
 * answers every rule's refusal as data; only a failed request rejects, and unhandled that would
 * leave a row "Saving…" and a button doing nothing that anyone can see.
 */
export async function reach<T>(call: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call;
  } catch (error) {
    if (unstable_isUnrecognizedActionError(error)) return { ok: false, code: "outdated_page", message: OUTDATED_PAGE_MESSAGE };
    return { ok: false, code: "unreachable", message: UNREACHABLE_MESSAGE };
  }
}
