import { describe, expect, it } from "vitest";
import { compareValues, type CompareMetric } from "./compare";
import { filterRows, rowsStatus, sortRows } from "./table";

const m = (key: string, section = "a"): CompareMetric => ({ key, label: key, section, unit: "count", direction: "up" });
const rows = compareValues(
  [m("same"), m("grew", "b"), m("fell"), m("new", "b"), m("gone"), m("none"), m("worded")],
  [
    { metricKey: "same", value: 10, qualifier: null },
    { metricKey: "grew", value: 100, qualifier: null },
    { metricKey: "fell", value: 100, qualifier: null },
    { metricKey: "gone", value: 5, qualifier: null },
    { metricKey: "worded", value: 7, qualifier: "over" },
  ],
  [
    { metricKey: "same", value: 10, qualifier: null },
    { metricKey: "grew", value: 120, qualifier: null },
    { metricKey: "fell", value: 70, qualifier: null },
    { metricKey: "new", value: 1, qualifier: null },
    { metricKey: "worded", value: 7, qualifier: null },
  ],
);
const keys = (rs: { metricKey: string }[]) => rs.map((r) => r.metricKey);

describe("filterRows", () => {
  it("keeps changed values and changed wording under 'changed'", () => {
    expect(keys(filterRows(rows, "changed", 25))).toEqual(["grew", "fell", "worded"]);
  });

  it("keeps rows lacking a value in either year under 'missing'", () => {
    expect(keys(filterRows(rows, "missing", 25))).toEqual(["new", "gone", "none"]);
  });

  it("keeps changes at or above the threshold, in either direction", () => {
    expect(keys(filterRows(rows, "large", 25))).toEqual(["fell"]);
    expect(keys(filterRows(rows, "large", 20))).toEqual(["grew", "fell"]);
    expect(filterRows(rows, "all", 25)).toHaveLength(rows.length);
  });

  it("keeps rows across a series break under 'breaks', with the break's note", () => {
    const broken = compareValues(
      [m("grew"), m("fell")],
      [{ metricKey: "grew", value: 1, qualifier: null }],
      [{ metricKey: "grew", value: 2, qualifier: null }],
      {
        from: 2022,
        to: 2023,
        breaks: [{ metricKey: "grew", year: 2023, note: "now counted per mission" }],
      },
    );
    expect(filterRows(broken, "breaks", 25)).toEqual([expect.objectContaining({ metricKey: "grew", break: "now counted per mission" })]);
  });
});

describe("sortRows", () => {
  it("sorts by change with blanks last in both directions", () => {
    expect(keys(sortRows(rows, "deltaPct", "desc"))).toEqual(["grew", "same", "worded", "fell", "new", "gone", "none"]);
    expect(keys(sortRows(rows, "deltaPct", "asc"))).toEqual(["fell", "same", "worded", "grew", "new", "gone", "none"]);
  });

  it("sorts sections in the report's order, keeping the metric order inside", () => {
    expect(keys(sortRows(rows, "section", "asc", ["b", "a"]))).toEqual(["grew", "new", "same", "fell", "gone", "none", "worded"]);
    expect(keys(sortRows(rows, "label", "asc"))).toEqual(["fell", "gone", "grew", "new", "none", "same", "worded"]);
  });
});

describe("rowsStatus", () => {
  it("counts the drawn rows against the matching ones and all of them", () => {
    expect(rowsStatus(50, 50, 50)).toBe("Showing 50 of 50 figures");
    expect(rowsStatus(5, 5, 50)).toBe("Showing 5 of 50 figures");
    expect(rowsStatus(100, 400, 400)).toBe("Showing the first 100 of 400 figures");
    expect(rowsStatus(100, 180, 400)).toBe("Showing the first 100 of 180 matching figures (400 in all)");
  });
});
