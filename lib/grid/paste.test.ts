import { describe, expect, it } from "vitest";
import { parsePastedCells } from "./paste";

describe("parsePastedCells", () => {
  it("reads one column of values, one row per line", () => {
    expect(parsePastedCells("76,000\n4.9 million\n43%")).toEqual([{ value: "76,000" }, { value: "4.9 million" }, { value: "43%" }]);
  });

  it("reads value, qualifier, source and note columns in that order", () => {
    expect(parsePastedCells("76000\tover\tDPO\tAs of June\n12\t\tDPPA\t")).toEqual([
      { value: "76000", qualifier: "over", source: "DPO", note: "As of June" },
      { value: "12", qualifier: "", source: "DPPA", note: "" },
    ]);
  });

  it("splits CRLF rows (Excel) and LF rows (LibreOffice, Google Sheets) alike", () => {
    const rows = [
      { value: "1", qualifier: "about" },
      { value: "2", qualifier: "" },
    ];
    expect(parsePastedCells("1\tabout\r\n2\t")).toEqual(rows);
    expect(parsePastedCells("1\tabout\n2\t")).toEqual(rows);
  });

  it("drops the line break Excel adds after the last row, and blank lines below the range", () => {
    expect(parsePastedCells("1\r\n2\r\n")).toEqual([{ value: "1" }, { value: "2" }]);
    expect(parsePastedCells("1\n2\n\n")).toEqual([{ value: "1" }, { value: "2" }]);
    expect(parsePastedCells("1\t\t\n\t \t\n")).toEqual([{ value: "1", qualifier: "", source: "" }]);
    expect(parsePastedCells("")).toEqual([]);
    expect(parsePastedCells("\r\n")).toEqual([]);
  });

  it("keeps empty cells and blank rows inside the range, so the rows after them stay aligned", () => {
    expect(parsePastedCells("5\r\n\r\n7\r\n")).toEqual([{ value: "5" }, { value: "" }, { value: "7" }]);
    expect(parsePastedCells("\tover\tUN\n8\t\t\tnote")).toEqual([
      { value: "", qualifier: "over", source: "UN" },
      { value: "8", qualifier: "", source: "", note: "note" },
    ]);
  });

  it("reads quoted cells holding tabs, line breaks and doubled quotes as one cell", () => {
    const excel = '5\t\t"UN ""Blue Book""\t2023"\t"First line\nsecond line"\r\n6\tabout\tDPO\t\r\n';
    expect(parsePastedCells(excel)).toEqual([
      { value: "5", qualifier: "", source: 'UN "Blue Book"\t2023', note: "First line\nsecond line" },
      { value: "6", qualifier: "about", source: "DPO", note: "" },
    ]);
  });

  it("ignores columns beyond the fourth", () => {
    expect(parsePastedCells("1\tover\tUN\tnote\textra\tmore\n2\t\t\t\t\tx")).toEqual([
      { value: "1", qualifier: "over", source: "UN", note: "note" },
      { value: "2", qualifier: "", source: "", note: "" },
    ]);
  });
});
