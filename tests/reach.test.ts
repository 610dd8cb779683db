import { describe, expect, it } from "vitest";
import { reach, UNREACHABLE_MESSAGE } from "@/components/ui/reach";

describe("reach", () => {
  it("passes an action's answer through, refusals included", async () => {
    expect(await reach(Promise.resolve({ ok: true as const, data: 7 }))).toEqual({ ok: true, data: 7 });
    const refused = { ok: false as const, code: "conflict", message: "Changed by someone else" };
    expect(await reach(Promise.resolve(refused))).toBe(refused);
  });

  it("turns a request that failed into a refusal a form can show", async () => {
    expect(await reach(Promise.reject(new TypeError("Failed to fetch")))).toEqual({ ok: false, code: "unreachable", message: UNREACHABLE_MESSAGE });
  });
});
