import { describe, expect, it } from "vitest";
import type { Qualifier, Unit } from "@/lib/domain";
import { findStatedFigure, statesFigure, type Figure } from "./ties";
import { findWrittenNumbers } from "./written-numbers";

const written = (text: string) => {
  const [first, ...rest] = findWrittenNumbers(text);
  expect(rest).toEqual([]);
  return first!;
};

describe("statesFigure: the number as the report rounds it, the hedge compatible with the qualifier", () => {
  it.each<[string, number | null, Unit, Qualifier, boolean]>([
    // The contract's examples.
    ["over 76,000", 76_694, "count", "over", true],
    ["76,000", 76_694, "count", "over", false],
    ["76,000", 76_000, "count", null, true],
    ["4.9 million", 4_900_000, "count", null, true],
    ["43 per cent", 43, "percent", null, true],
    ["43%", 43, "percent", null, true],
    // Hedge changes.
    ["Over 76,000", 76_000, "count", "over", true],
    ["Over 76,000", 80_100, "count", "over", false],
    ["Over 76,000", 76_000, "count", null, false],
    ["Over 76,000", 76_500, "count", null, true],
    ["Over 76,000", 76_000, "count", "about", false],
    ["more than 50", 57, "count", "over", true],
    ["more than 50", 61, "count", "over", false],
    ["257,800+", 257_800, "count", "over", true],
    ["257,800+", 257_899, "count", "over", true],
    ["257,800+", 257_900, "count", "over", false],
    ["around 45,000", 45_000, "count", "about", true],
    ["around 45,000", 44_600, "count", null, true],
    ["around 45,000", 45_000, "count", "over", false],
    ["roughly 5.7 million m²", 5_700_000, "m2", "about", true],
    ["roughly 5.7 million m²", 5_740_000, "m2", "about", true],
    ["roughly 5.7 million m²", 5_800_000, "m2", "about", false],
    ["some 300", 300, "count", null, true],
    ["approximately 12", 12, "count", "about", true],
    ["above 100", 120, "count", "over", true],
    ["above 100", 210, "count", "over", false],
    ["in excess of 100", 100, "count", "over", true],
    // Money, percentages and units.
    ["$203M", 203_000_000, "usd", null, true],
    ["$203 million", 203_000_000, "usd", null, true],
    ["$203 million", 203_000_000, "count", null, false],
    ["over $200 million", 200_000_000, "usd", "over", true],
    ["over $200 million", 240_000_000, "usd", "over", true],
    ["over $200 million", 300_000_000, "usd", "over", false],
    ["4.9 million", 4_870_000, "count", null, true],
    ["4.9 million", 4_800_000, "count", null, false],
    ["over 70 per cent", 70, "percent", "over", true],
    ["70", 70, "percent", null, false],
    ["43%", 43, "count", null, false],
    ["901 km²", 901, "km2", null, true],
    ["901 km²", 901, "km", null, false],
    ["121 km", 121, "km", null, true],
    ["121", 121, "km", null, true],
    ["five", 5, "count", null, true],
    ["two", 3, "count", null, false],
    // A figure with no value states nothing.
    ["76,000", null, "count", null, false],
  ])("“%s” states %s %s (%s): %s", (text, value, unit, qualifier, expected) => {
    expect(statesFigure(written(text), { value, unit, qualifier })).toBe(expected);
  });
});

describe("findWrittenNumbers", () => {
  it("finds each number with its hedge, unit and place, skipping live figures, codes and bold markers", () => {
    const text = "**Over 76,000 peacekeepers** in {{peace_operations}} operations; S/2024/292, 257,800+ items, roughly 5.7 million m² and $203M.";
    expect(findWrittenNumbers(text).map(({ text: t, value, hedge, unit, offset }) => ({ t, value, hedge, unit, offset }))).toEqual([
      { t: "Over 76,000", value: 76_000, hedge: "over", unit: null, offset: 2 },
      { t: "257,800+", value: 257_800, hedge: "over", unit: null, offset: 77 },
      { t: "roughly 5.7 million m²", value: 5_700_000, hedge: "about", unit: "m2", offset: 93 },
      { t: "$203M", value: 203_000_000, hedge: null, unit: "usd", offset: 120 },
    ]);
  });

  it("marks plain four-digit years, not years with a unit, a hedge or a comma", () => {
    const found = findWrittenNumbers("since 2020, in 2,000 places, over 2000 people, 1999 and 2101");
    expect(found.map((n) => [n.text, n.looksLikeYear])).toEqual([
      ["2020", true],
      ["2,000", false],
      ["over 2000", false],
      ["1999", true],
      ["2101", false],
    ]);
  });

  it("reads the writer's rounding step from the digits they wrote", () => {
    expect(findWrittenNumbers("76,000 and 4.9 million and 257,800 and 43.5% and 7").map((n) => n.precision)).toEqual([1_000, 100_000, 100, 0.1, 1]);
  });
});

describe("findStatedFigure", () => {
  const figures: Figure[] = [
    { metricKey: "pbf_donor_countries", section: "peacebuilding", unit: "count", value: 36, qualifier: null },
    { metricKey: "pbf_recipient_countries", section: "peacebuilding", unit: "count", value: 36, qualifier: null },
    { metricKey: "electoral_states_assisted", section: "electoral_assistance", unit: "count", value: 50, qualifier: null },
    { metricKey: "council_resolutions_statements", section: "conflict_prevention", unit: "count", value: 50, qualifier: "over" },
    { metricKey: "peace_operations", section: "peacekeeping", unit: "count", value: 11, qualifier: null },
    { metricKey: "crsv_state_actors_listed", section: "children_protection", unit: "count", value: 11, qualifier: null },
  ];
  const tie = (text: string, section: string) => findStatedFigure(written(text), figures, section)?.metricKey ?? null;

  it("takes the block's own section first, in report order", () => {
    expect(tie("36", "peacebuilding")).toBe("pbf_donor_countries");
    expect(tie("11", "children_protection")).toBe("crsv_state_actors_listed");
  });
  it("takes a figure of another section only when it is the only one, close, and the number distinctive", () => {
    const more: Figure[] = [...figures, { metricKey: "pda_international", section: "conflict_prevention", unit: "count", value: 133, qualifier: null }];
    expect(findStatedFigure(written("over 130"), more, "peacebuilding")?.metricKey).toBe("pda_international");
    expect(findStatedFigure(written("over 100"), more, "peacebuilding")).toBeNull();
    expect(tie("50", "peacekeeping")).toBeNull();
    expect(tie("11", "rule_of_law")).toBeNull();
  });
  it("prefers a figure stated exactly to one merely compatible", () => {
    const council: Figure[] = [
      { metricKey: "mediation_support_assignments", section: "conflict_prevention", unit: "count", value: 152, qualifier: null },
      { metricKey: "sanctions_committee_meetings", section: "conflict_prevention", unit: "count", value: 100, qualifier: "over" },
    ];
    expect(findStatedFigure(written("over 100"), council, "conflict_prevention")?.metricKey).toBe("sanctions_committee_meetings");
  });
  it("never ties a year", () => {
    expect(findStatedFigure({ ...written("2023"), looksLikeYear: true }, [{ ...figures[0]!, value: 2023 }], "peacebuilding")).toBeNull();
  });
});
