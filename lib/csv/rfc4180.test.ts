import { describe, expect, it } from "vitest";
import { formatPlainNumber, parseCsv, toCsv } from "./rfc4180";

function rows(text: string): string[][] {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`unexpected parse failure: ${r.message}`);
  return r.rows;
}

describe("parseCsv", () => {
  it("parses simple LF and CRLF files alike", () => {
    expect(rows("a,b\n1,2\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(rows("a,b\r\n1,2\r\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(rows("a,b\r\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("treats a lone CR as a line end", () => {
    expect(rows("a,b\r1,2\r")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("strips exactly one leading BOM", () => {
    expect(rows("\uFEFFa,b\n")).toEqual([["a", "b"]]);
    expect(rows("\uFEFF\uFEFFa\n")).toEqual([["\uFEFFa"]]);
  });

  it("returns no rows for empty text", () => {
    expect(rows("")).toEqual([]);
    expect(rows("\uFEFF")).toEqual([]);
  });

  it("ignores only the final empty line, keeping inner blank lines", () => {
    expect(rows("a\n\nb\n")).toEqual([["a"], [""], ["b"]]);
    expect(rows("a\n\n")).toEqual([["a"], [""]]);
  });

  it("keeps empty fields, including trailing ones", () => {
    expect(rows(",a,,\n")).toEqual([["", "a", "", ""]]);
    expect(rows("a,")).toEqual([["a", ""]]);
  });

  it("handles quoted fields with commas, doubled quotes and newlines", () => {
    expect(rows('"a,b","say ""hi""","line1\nline2","x\r\ny"\n')).toEqual([["a,b", 'say "hi"', "line1\nline2", "x\r\ny"]]);
  });

  it("keeps an empty quoted field at the end of the file", () => {
    expect(rows('a\n""')).toEqual([["a"], [""]]);
    expect(rows('""')).toEqual([[""]]);
  });

  it("keeps whitespace as data", () => {
    expect(rows(" a , b \n")).toEqual([[" a ", " b "]]);
  });

  it("keeps non-ASCII text intact", () => {
    expect(rows("é,中文,🙂\n")).toEqual([["é", "中文", "🙂"]]);
  });

  it("reports an unterminated quote with the line it opened on", () => {
    const r = parseCsv('a,b\n1,"open\nstill open\n');
    expect(r).toMatchObject({ ok: false, line: 2 });
    if (!r.ok) expect(r.message).toMatch(/unterminated/);
  });

  it("reports a stray quote inside an unquoted field", () => {
    const r = parseCsv('a,b\n1,2\n3,4"5\n');
    expect(r).toMatchObject({ ok: false, line: 3 });
    if (!r.ok) expect(r.message).toMatch(/stray quote/);
  });

  it("rejects a quote after leading whitespace (the field was not quoted)", () => {
    expect(parseCsv('a, "b"\n')).toMatchObject({ ok: false, line: 1 });
  });

  it("rejects text after a closing quote", () => {
    const r = parseCsv('"ab"c\n');
    expect(r).toMatchObject({ ok: false, line: 1 });
    if (!r.ok) expect(r.message).toMatch(/closing quote/);
  });

  it("counts newlines inside quotes when reporting later lines", () => {
    expect(parseCsv('"x\ny\r\nz"\nok\nbad"\n')).toMatchObject({ ok: false, line: 5 });
  });
});

describe("formatPlainNumber", () => {
  it.each([
    [203000000, "203000000"],
    [0.5, "0.5"],
    [-0.25, "-0.25"],
    [0, "0"],
    [-0, "0"],
    [1e15, "1000000000000000"],
    [1e21, "1000000000000000000000"],
    [1.5e22, "15000000000000000000000"],
    [1e-7, "0.0000001"],
    [-1.23e-8, "-0.0000000123"],
    [0.1 + 0.2, "0.30000000000000004"],
  ])("writes %s as %s", (n, s) => {
    expect(formatPlainNumber(n)).toBe(s);
    expect(Number(formatPlainNumber(n))).toBe(n === 0 ? 0 : n);
  });

  it("refuses non-finite numbers", () => {
    expect(() => formatPlainNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatPlainNumber(Infinity)).toThrow(RangeError);
  });
});

describe("toCsv", () => {
  it("writes CRLF after every record, null as empty and numbers plainly", () => {
    expect(
      toCsv([
        ["a", "b", "c"],
        [203000000, null, 0.5],
      ]),
    ).toBe("a,b,c\r\n203000000,,0.5\r\n");
  });

  it("writes nothing for no rows", () => {
    expect(toCsv([])).toBe("");
  });

  it("quotes only fields that need it", () => {
    expect(toCsv([["plain", "a,b", 'q"q', "l\nf", "c\rr", "'=x"]])).toBe('plain,"a,b","q""q","l\nf","c\rr",\'=x\r\n');
  });

  it("round-trips through parseCsv", () => {
    const data = [
      ["h1", "h2", "h3"],
      ["a,b", 'say "hi"', "multi\nline\r\nend"],
      ["", "é 中文 🙂", " padded "],
    ];
    expect(rows(toCsv(data))).toEqual(data);
  });
});
