import { describe, expect, it } from "vitest";
import { breakBetween } from "./compare";

const breaks = [
  { metricKey: "grave", year: 2023, note: "monitored and reported, not only verified" },
  { metricKey: "grave", year: 2025, note: "regional settings added" },
  { metricKey: "other", year: 2023, note: "not this one" },
];

describe("breakBetween", () => {
  it("names a break after `from` and up to `to`, in either order of the years", () => {
    expect(breakBetween(breaks, "grave", 2022, 2023)).toBe("monitored and reported, not only verified");
    expect(breakBetween(breaks, "grave", 2023, 2022)).toBe("monitored and reported, not only verified");
  });

  it("is null when the break is in `from` itself or after `to`", () => {
    expect(breakBetween(breaks, "grave", 2023, 2024)).toBeNull();
    expect(breakBetween(breaks, "grave", 2020, 2022)).toBeNull();
    expect(breakBetween(breaks, "peace", 2020, 2030)).toBeNull();
  });

  it("joins the notes of several breaks in the span", () => {
    expect(breakBetween(breaks, "grave", 2020, 2030)).toBe("monitored and reported, not only verified; regional settings added");
  });
});
