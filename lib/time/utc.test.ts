import { describe, expect, it } from "vitest";
import { formatUtc, parseInstant, toIsoUtc } from "./utc";

describe("toIsoUtc", () => {
  it("writes Dates and zoned text in UTC", () => {
    expect(toIsoUtc(new Date("2024-05-01T12:30:00Z"))).toBe("2024-05-01T12:30:00.000Z");
    expect(toIsoUtc("2024-05-01T12:30:00Z")).toBe("2024-05-01T12:30:00.000Z");
    expect(toIsoUtc("2024-05-01T14:30:00+02:00")).toBe("2024-05-01T12:30:00.000Z");
  });

  it("reads zone-less text as UTC, not as the machine's local time", () => {
    expect(toIsoUtc("2024-05-01 12:30:00")).toBe("2024-05-01T12:30:00.000Z");
    expect(toIsoUtc("2024-05-01T12:30")).toBe("2024-05-01T12:30:00.000Z");
    expect(toIsoUtc(" 2024-05-01 12:30:00.25 ")).toBe("2024-05-01T12:30:00.250Z");
  });

  it("gives null for what is no moment", () => {
    expect(toIsoUtc("not a date")).toBeNull();
    expect(toIsoUtc(new Date(Number.NaN))).toBeNull();
    expect(parseInstant("")).toBeNull();
  });
});

describe("formatUtc", () => {
  it("shows minutes in UTC, the same for a Date and its text", () => {
    expect(formatUtc(new Date("2031-03-04T09:41:59Z"))).toBe("2031-03-04 09:41 UTC");
    expect(formatUtc("2031-03-04T11:41:59+02:00")).toBe("2031-03-04 09:41 UTC");
    expect(formatUtc("2031-03-04 09:41:59")).toBe("2031-03-04 09:41 UTC");
  });

  it("shows a dash for no moment", () => {
    expect(formatUtc(null)).toBe("—");
    expect(formatUtc("soon")).toBe("—");
  });
});
