import { describe, expect, it } from "vitest";
import { printFigure } from "@/lib/numbers/printed";
import { liveFigureKeys, renderLiveFigures } from "./live-figures";

describe("printFigure: the report's format with the value's own wording", () => {
  it.each([
    [{ value: 50, unit: "count", qualifier: "over", wording: "more than" }, "more than 50"],
    [{ value: 257_800, unit: "count", qualifier: "over", wording: "+" }, "257,800+"],
    [{ value: 45_000, unit: "count", qualifier: "about", wording: "around" }, "around 45,000"],
    [{ value: 5_700_000, unit: "m2", qualifier: "about", wording: "roughly" }, "roughly 5.7 million m²"],
    [{ value: 76_000, unit: "count", qualifier: "over", wording: null }, "over 76,000"],
    [{ value: 203_000_000, unit: "usd", qualifier: null }, "$203M"],
    [{ value: null, unit: "count", qualifier: null, wording: "over" }, "—"],
  ] as const)("%o prints %s", (figure, printed) => {
    expect(printFigure(figure)).toBe(printed);
  });
});

describe("live figures", () => {
  const figures = new Map([
    ["peacekeepers_total", { value: 76_000, unit: "count" as const, qualifier: "over" as const }],
    ["women_mediation_teams_pct", { value: 43, unit: "percent" as const, qualifier: null }],
  ]);

  it("names every key once, malformed ones included so a save can refuse them", () => {
    expect(liveFigureKeys("{{peacekeepers_total}} and {{ peacekeepers_total }}, {{Bad Key}}")).toEqual(["peacekeepers_total", "Bad Key"]);
  });

  it("prints each figure, capitalised where it opens a sentence or a bold phrase", () => {
    expect(
      renderLiveFigures("{{peacekeepers_total}} served. **{{peacekeepers_total}} helped**, of whom {{women_mediation_teams_pct}} mediated.", figures),
    ).toBe("Over 76,000 served. **Over 76,000 helped**, of whom 43% mediated.");
    expect(renderLiveFigures("In all, {{peacekeepers_total}} and {{unknown_key}}.", figures)).toBe("In all, over 76,000 and [unknown_key?].");
  });
});
