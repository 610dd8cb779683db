import { describe, expect, it } from "vitest";
// The error Next's client throws when the server does not know the action's id (another deployment).
import { UnrecognizedActionError } from "next/dist/client/components/unrecognized-action-error";
import { OUTDATED_PAGE_MESSAGE, reach, UNREACHABLE_MESSAGE } from "@/components/ui/reach";

describe("reach", () => {
  it("passes an action's answer through, refusals included", async () => {
    expect(await reach(Promise.resolve({ ok: true as const, data: 7 }))).toEqual({ ok: true, data: 7 });
    const refused = { ok: false as const, code: "conflict", message: "Changed by someone else" };
    expect(await reach(Promise.resolve(refused))).toBe(refused);
  });

  it("turns a request that failed into a refusal a form can show", async () => {
    expect(await reach(Promise.reject(new TypeError("Failed to fetch")))).toEqual({ ok: false, code: "unreachable", message: UNREACHABLE_MESSAGE });
  });

  it("tells a page from before an update to reload, instead of blaming the connection", async () => {
    const answer = await reach(Promise.reject(new UnrecognizedActionError('Server Action "abc" was not found on the server.')));
    expect(answer).toEqual({ ok: false, code: "outdated_page", message: OUTDATED_PAGE_MESSAGE });
  });
});
