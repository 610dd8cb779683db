import { describe, expect, it } from "vitest";
import { sourceLink, sourceProblem } from "./source";
import { valueSaveSchema } from "./value";

describe("sources", () => {
  it("a valid web address is a link to its host", () => {
    expect(sourceLink("https://www.un.org/en/peacekeeping?x=1")).toEqual({ href: "https://www.un.org/en/peacekeeping?x=1", host: "www.un.org" });
  });

  it.each(["http://%zz", "https://", "http://exa mple.org", "https://[::1", "http://a b"])("%j is refused when saved and never a link", (source) => {
    expect(sourceProblem(source)).toMatch(/not a valid one/);
    expect(sourceLink(source)).toBeNull();
  });

  it("free text is accepted and shown as text, whatever it holds", () => {
    for (const text of ["UN Women annual report, p. 12", "javascript:alert(1)", "see http://%zz"]) {
      expect(sourceProblem(text)).toBeNull();
      expect(sourceLink(text)).toBeNull();
    }
  });

  it("the value schema refuses a broken address as the source field", () => {
    const parsed = valueSaveSchema({ unit: "count", min: null, max: null }).safeParse({ value: 1, source: "http://%zz" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["source"]);
  });
});
