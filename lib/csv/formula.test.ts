import { describe, expect, it } from "vitest";
import { neutraliseCell, restoreCell } from "./formula";

const TRIGGERS = ["=", "+", "-", "@", "\t", "\r"];

describe("neutraliseCell", () => {
  it.each(TRIGGERS)("prefixes a quote to text starting with %j", (t) => {
    expect(neutraliseCell(`${t}SUM(A1)`)).toBe(`'${t}SUM(A1)`);
  });

  it("leaves ordinary text alone", () => {
    for (const s of ["", "hello", " =not first", "'hello", "1,000", "é", "\n=x"]) {
      expect(neutraliseCell(s)).toBe(s);
    }
  });

  it("also prefixes text that already starts with quotes followed by a trigger", () => {
    // Otherwise "'=x" would be exported unchanged and lose its quote on import.
    expect(neutraliseCell("'=x")).toBe("''=x");
    expect(neutraliseCell("''-1")).toBe("'''-1");
  });
});

describe("restoreCell", () => {
  it.each(TRIGGERS)("removes the quote before %j", (t) => {
    expect(restoreCell(`'${t}x`)).toBe(`${t}x`);
  });

  it("removes only one quote", () => {
    expect(restoreCell("''=x")).toBe("'=x");
  });

  it("leaves text whose quote is not protecting a trigger", () => {
    for (const s of ["'hello", "'", "''", "hello", "", "=x", "' =x"]) {
      expect(restoreCell(s)).toBe(s);
    }
  });

  it("is the exact inverse of neutraliseCell", () => {
    const samples = [
      "",
      "x",
      "'",
      "''",
      "'hello",
      "''hello",
      "'=",
      "''=",
      "=",
      "-5",
      "+1",
      "@me",
      "\tx",
      "\rx",
      "'\tx",
      "'''@",
      "é",
      "中文",
      "🙂",
      "=1+1",
      "'x'",
    ];
    for (const s of samples) expect(restoreCell(neutraliseCell(s))).toBe(s);
  });

  it("output of neutraliseCell never starts with a trigger", () => {
    for (const t of TRIGGERS) expect(TRIGGERS).not.toContain(neutraliseCell(`${t}x`)[0]);
  });
});
