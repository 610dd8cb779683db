import { describe, expect, it } from "vitest";
import { softLimitWarnings } from "./soft-limits";

const count = { unit: "count" as const, warnMin: 10, warnMax: 100, warnChangePct: null };

describe("softLimitWarnings", () => {
  it("warns outside the soft range, never inside it", () => {
    expect(softLimitWarnings(50, count, null)).toEqual([]);
    expect(softLimitWarnings(5, count, null)).toEqual([{ kind: "range", message: "5 is below the usual minimum of 10" }]);
    expect(softLimitWarnings(120, count, null)).toEqual([{ kind: "range", message: "120 is above the usual maximum of 100" }]);
  });

  it("flags a change above 50% by default, or the metric's own threshold, in either direction", () => {
    expect(softLimitWarnings(80, count, { year: 2022, value: 50 })).toEqual([
      { kind: "outlier", message: "80 is +60.0% against 50 in 2022, more than the usual 50% change" },
    ]);
    expect(softLimitWarnings(20, count, { year: 2022, value: 50 })).toEqual([
      { kind: "outlier", message: "20 is −60.0% against 50 in 2022, more than the usual 50% change" },
    ]);
    expect(softLimitWarnings(75, count, { year: 2022, value: 50 })).toEqual([]);
    expect(softLimitWarnings(80, { ...count, warnChangePct: 70 }, { year: 2022, value: 50 })).toEqual([]);
  });

  it("says nothing of an empty value, a change from zero, or a change across a series break", () => {
    expect(softLimitWarnings(null, count, { year: 2022, value: 50 })).toEqual([]);
    expect(softLimitWarnings(80, count, { year: 2022, value: 0 })).toEqual([]);
    expect(softLimitWarnings(90, count, { year: 2022, value: 20 }, true)).toEqual([]);
  });
});
