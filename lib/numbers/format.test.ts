import { describe, expect, it } from "vitest";
import { UNITS, type Qualifier, type Unit } from "@/lib/domain";
import { formatDelta, formatPercentChange, formatPlain, formatValue, unitLabel } from "./format";
import { parseHumanNumber } from "./parse";

const MINUS = "\u2212";

describe("formatValue prints figures as the report does", () => {
  it.each<[number | null, Unit, Qualifier, string]>([
    // The report's headline figures.
    [76_000, "count", "over", "over 76,000"],
    [76_000, "count", null, "76,000"],
    [257_800, "count", "over", "over 257,800"],
    [4_900_000, "count", "over", "over 4.9 million"],
    [4_900_000, "count", null, "4.9 million"],
    [43, "percent", null, "43%"],
    [43.5, "percent", null, "43.5%"],
    [203_000_000, "usd", null, "$203M"],
    [132_000_000, "usd", null, "$132M"],
    [1_200_000_000, "usd", null, "$1.2B"],
    [183_000, "usd", null, "$183,000"],
    [191_304_222, "usd", null, "$191.3M"],
    [121, "km", null, "121 km"],
    [901, "km2", null, "901 km²"],
    [5_700_000, "m2", null, "5.7 million m²"],
    [5_700_000, "m2", "about", "about 5.7 million m²"],
    // Boundaries of compaction and rounding.
    [999_999, "count", null, "999,999"],
    [1_000_000, "count", null, "1 million"],
    [1_049_999, "count", null, "1 million"],
    [1_050_000, "count", null, "1.1 million"],
    [4_850_000, "count", null, "4.9 million"],
    [76_543_210, "count", null, "76.5 million"],
    [1_234_000_000, "count", null, "1.2 billion"],
    [999_960_000, "count", null, "1 billion"],
    [2_500_000_000_000, "count", null, "2.5 trillion"],
    [1e15, "count", null, "1,000 trillion"],
    [999_999, "usd", null, "$999,999"],
    [1_000_000, "usd", null, "$1M"],
    [999_960_000, "usd", null, "$1B"],
    [3_400_000_000_000, "usd", null, "$3.4T"],
    [12.5, "usd", null, "$12.50"],
    [0, "count", null, "0"],
    [0, "usd", null, "$0"],
    [0, "percent", null, "0%"],
    [100, "percent", null, "100%"],
    [12.5, "km", null, "12.5 km"],
    [1_200_000, "km2", null, "1.2 million km²"],
    [-2_000, "count", null, `${MINUS}2,000`],
    [null, "count", null, "—"],
    [null, "usd", "over", "—"],
  ])("%d %s %s → %j", (value, unit, qualifier, expected) => {
    expect(formatValue(value, unit, qualifier)).toBe(expected);
  });

  it("defaults the qualifier to exact", () => {
    expect(formatValue(76_000, "count")).toBe("76,000");
  });

  it("prints full figures when compact is off", () => {
    expect(formatValue(4_900_000, "count", "over", { compact: false })).toBe("over 4,900,000");
    expect(formatValue(203_000_000, "usd", null, { compact: false })).toBe("$203,000,000");
    expect(formatValue(5_700_000, "m2", null, { compact: false })).toBe("5,700,000 m²");
    expect(formatValue(183_000, "usd", null, { compact: true })).toBe("$183,000");
  });

  it("treats non-finite numbers like a missing value", () => {
    expect(formatValue(Number.NaN, "count")).toBe("—");
    expect(formatValue(Number.POSITIVE_INFINITY, "usd")).toBe("—");
  });
});

describe("formatPlain gives the exact number for inputs and tables", () => {
  it.each<[number | null, Unit, string]>([
    [76_000, "count", "76,000"],
    [203_000_000, "usd", "203,000,000"],
    [43, "percent", "43"],
    [43.5, "percent", "43.5"],
    [4_900_000, "count", "4,900,000"],
    [191_304_222, "usd", "191,304,222"],
    [1e15, "count", "1,000,000,000,000,000"],
    [0, "count", "0"],
    [-0, "count", "0"],
    [-5, "count", "-5"],
    [0.1, "km", "0.1"],
    [1234.5678, "km2", "1,234.5678"],
    [1e-7, "km", "0.0000001"],
    [null, "count", ""],
    [Number.NaN, "count", ""],
  ])("%d %s → %j", (value, unit, expected) => {
    expect(formatPlain(value, unit)).toBe(expected);
  });

  it("groups thousands exactly as Intl's en-US format does", () => {
    const intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
    for (const value of [1, 12, 123, 999, 1000, 9999, 10_000, 99_999, 100_000, 123_456, 1_234_567, 12_345_678_901, 999_999_999_999_999]) {
      expect(formatPlain(value, "count")).toBe(intl.format(value));
    }
  });

  it("round-trips through parseHumanNumber", () => {
    for (const value of [0, 7, 76_000, 257_800, 43.5, 191_304_222, 0.1 + 0.2, 1e15, 12.345, -5]) {
      expect(parseHumanNumber(formatPlain(value, "count"))).toEqual({ ok: true, value });
    }
  });
});

describe("formatDelta", () => {
  it.each<[number | null, Unit, string]>([
    [1_108, "count", "+1,108"],
    [-2_000, "count", `${MINUS}2,000`],
    [1_200_000, "count", "+1.2 million"],
    [7, "percent", "+7 pts"],
    [-7, "percent", `${MINUS}7 pts`],
    [1, "percent", "+1 pt"],
    [-1, "percent", `${MINUS}1 pt`],
    [0.5, "percent", "+0.5 pts"],
    [43.5 - 43.4, "percent", "+0.1 pts"],
    [0.04, "percent", "0"],
    [29_300_000, "usd", "+$29.3M"],
    [-29_300_000, "usd", `${MINUS}$29.3M`],
    [183_000, "usd", "+$183,000"],
    [5, "km", "+5 km"],
    [-3, "km2", `${MINUS}3 km²`],
    [1_200_000, "m2", "+1.2 million m²"],
    [0, "count", "0"],
    [0, "usd", "0"],
    [0, "percent", "0"],
    [0.000001, "km", "0"],
    [null, "count", "—"],
    [Number.NaN, "count", "—"],
  ])("%d %s → %j", (delta, unit, expected) => {
    expect(formatDelta(delta, unit)).toBe(expected);
  });
});

describe("formatPercentChange", () => {
  it.each<[number | null, string]>([
    [1.5, "+1.5%"],
    [-12, `${MINUS}12.0%`],
    [12.04, "+12.0%"],
    [12.06, "+12.1%"],
    [0, "0.0%"],
    [-0.04, "0.0%"],
    [1234.5, "+1,234.5%"],
    [null, "—"],
    [Number.POSITIVE_INFINITY, "—"],
  ])("%d → %j", (pct, expected) => {
    expect(formatPercentChange(pct)).toBe(expected);
  });
});

describe("unitLabel", () => {
  it.each<[Unit, string]>([
    ["count", "Count"],
    ["percent", "Percent"],
    ["usd", "US dollars"],
    ["km", "Kilometres"],
    ["km2", "Square kilometres"],
    ["m2", "Square metres"],
  ])("%s → %s", (unit, label) => {
    expect(unitLabel(unit)).toBe(label);
  });

  it("labels every unit in the shared vocabulary", () => {
    for (const unit of UNITS) expect(unitLabel(unit)).toMatch(/^[A-Z]/);
  });
});
