import { describe, expect, it } from "vitest";
import { evaluateRule, parseRuleExpression } from "./expression";

const compiled = (expression: string) => {
  const parsed = parseRuleExpression(expression);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.rule;
};

describe("rule expressions", () => {
  it("finds every figure named, also behind `and`/`or` and inside functions, but not function names or keywords", () => {
    expect(compiled("abs(women_mediation_teams_pct - round(women_mediators / mediators * 100)) <= 1").names).toEqual([
      "women_mediation_teams_pct",
      "women_mediators",
      "mediators",
    ]);
    expect(compiled("a < b and c < d or not e").names).toEqual(["a", "b", "c", "d", "e"]);
    expect(compiled("max(a, b) >= min(c, 'd')").names).toEqual(["a", "b", "c", "d"]);
  });

  it("refuses what does not parse, unknown functions, and expressions naming no figure", () => {
    expect(parseRuleExpression("peacekeepers_women <=")).toMatchObject({ ok: false, message: expect.stringContaining("does not parse") });
    expect(parseRuleExpression("eval(a)")).toMatchObject({ ok: false, message: expect.stringContaining("Unknown function “eval”") });
    expect(parseRuleExpression("1 < 2")).toMatchObject({ ok: false, message: expect.stringContaining("names no figure") });
  });

  it("passes, fails, or is skipped when a figure it names has no value", () => {
    const rule = compiled("peacekeepers_women <= peacekeepers_total");
    expect(
      evaluateRule(
        rule,
        new Map([
          ["peacekeepers_women", 6000],
          ["peacekeepers_total", 76000],
        ]),
      ),
    ).toEqual({ status: "pass" });
    expect(
      evaluateRule(
        rule,
        new Map([
          ["peacekeepers_women", 80000],
          ["peacekeepers_total", 72000],
        ]),
      ),
    ).toEqual({ status: "fail" });
    expect(
      evaluateRule(
        rule,
        new Map<string, number | null>([
          ["peacekeepers_women", 6000],
          ["peacekeepers_total", null],
        ]),
      ),
    ).toEqual({ status: "skipped", missing: ["peacekeepers_total"] });
  });

  it("cannot reach JavaScript: prototype names are figures like any other, and unknown to the desk", () => {
    expect(evaluateRule(compiled("constructor > 1"), new Map())).toEqual({ status: "skipped", missing: ["constructor"] });
    expect(evaluateRule(compiled("constructor > 1"), new Map([["constructor", 2]]))).toEqual({ status: "pass" });
  });
});
