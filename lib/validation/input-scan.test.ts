import { describe, expect, it } from "vitest";
import { findInputProblem, MAX_INPUT_DEPTH } from "./input-scan";

const nested = (depth: number): unknown => {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe("findInputProblem", () => {
  it("passes ordinary input", () => {
    expect(findInputProblem({ value: 12, note: "As of June", tags: ["a", "b"], quote: { text: "x" } })).toBeNull();
    expect(findInputProblem(nested(MAX_INPUT_DEPTH))).toBeNull();
  });

  it("names the path of a string holding NUL", () => {
    expect(findInputProblem({ note: "a\u0000b" })).toMatchObject({ kind: "nul", path: "note" });
    expect(findInputProblem({ quote: { speaker: "A", text: "\u0000" } })).toMatchObject({ kind: "nul", path: "quote.text" });
    expect(findInputProblem({ ids: ["ok", "bad\u0000"] })).toMatchObject({ kind: "nul", path: "ids.1" });
    expect(findInputProblem("\u0000")).toMatchObject({ kind: "nul", path: "_" });
    expect(findInputProblem({ ["ke\u0000y"]: 1 })).toMatchObject({ kind: "nul", path: "key" });
  });

  it("refuses input nested deeper than the limit", () => {
    expect(findInputProblem(nested(MAX_INPUT_DEPTH + 1))).toMatchObject({ kind: "depth" });
    expect(findInputProblem(JSON.parse("[".repeat(5000) + "]".repeat(5000)))).toMatchObject({ kind: "depth" });
  });
});
