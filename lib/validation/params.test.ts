import { describe, expect, it } from "vitest";
import { historyQuery } from "./history";
import { auditQuery } from "./audit";
import { idParams, yearParam } from "./params";
import { snapshotListQuery } from "./snapshot";
import { openYearSchema } from "./year";

describe("path and query numbers", () => {
  it.each(["0x7e7", " 2023", "2023 ", "2.023e3", "2023.0", "+2023", "02023x", "", "٢٠٢٣"])("a year path %j is refused, not read as 2023", (raw) => {
    expect(yearParam.safeParse(raw).success).toBe(false);
  });

  it("a year written as digits, or sent as a JSON number, is accepted", () => {
    expect(yearParam.parse("2023")).toBe(2023);
    expect(openYearSchema.parse({ year: 2024 })).toEqual({ year: 2024 });
  });

  it.each([
    ["history", () => historyQuery.safeParse({ before: "2147483648" })],
    ["snapshots", () => snapshotListQuery.safeParse({ before: "2147483648" })],
    ["audit", () => auditQuery.safeParse({ before: "2147483648" })],
    ["audit after", () => auditQuery.safeParse({ after: "99999999999" })],
    ["an id", () => idParams.safeParse({ id: "2147483648" })],
    ["a hex id", () => idParams.safeParse({ id: "0x10" })],
  ])("a cursor or id past the integer range or not plain digits is refused (%s)", (_name, parse) => {
    expect(parse().success).toBe(false);
  });

  it("cursors at the top of the range are accepted", () => {
    expect(historyQuery.parse({ before: "2147483647", limit: "500" })).toEqual({ before: 2_147_483_647, limit: 500 });
  });
});
