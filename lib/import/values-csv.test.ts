import { describe, expect, it } from "vitest";
import { exportRowOf } from "@/tests/support/fixtures";
import { valuesToCsv } from "@/lib/csv/values-csv";
import { parseValuesCsv } from "./values-csv";
import type { ExportRow } from "@/lib/export/model";
import type { ImportRow, RowError } from "./values-table";

function ok(text: string, opts?: { maxRows?: number }): ImportRow[] {
  const r = parseValuesCsv(text, opts);
  if (!r.ok) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.rows;
}

function errs(text: string, opts?: { maxRows?: number }): RowError[] {
  const r = parseValuesCsv(text, opts);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("parseValuesCsv: headers", () => {
  it("reads required columns only", () => {
    expect(ok("metric_key,value\nrefugees,76000\n")).toEqual([{ row: 2, metricKey: "refugees", value: "76000", qualifier: "", note: null, source: null }]);
  });

  it("matches headers case-insensitively, trimmed, in any order, ignoring extras", () => {
    const text = "Source , extra, VALUE,Note,  Metric_Key ,QUALIFIER\nUN,x,5,hi,k,About\n";
    expect(ok(text)).toEqual([{ row: 2, metricKey: "k", value: "5", qualifier: "about", note: "hi", source: "UN" }]);
  });

  it("accepts a BOM and CRLF", () => {
    expect(ok("\uFEFFmetric_key,value\r\nk,1\r\n")).toHaveLength(1);
  });

  it("reports each missing required column on row 1", () => {
    expect(errs("metric_key,note\nk,x\n")).toEqual([{ row: 1, column: "value", message: "missing required column “value”" }]);
    expect(errs("label,note\nk,x\n")).toEqual([
      { row: 1, column: "metric_key", message: "missing required column “metric_key”" },
      { row: 1, column: "value", message: "missing required column “value”" },
    ]);
  });

  it("reports a duplicated column", () => {
    expect(errs("metric_key,value,Value\nk,1,2\n")).toEqual([{ row: 1, column: "value", message: "column “value” appears more than once" }]);
  });

  it.each([
    ["semicolon", "metric_key;value\nk;1\n", "“;”"],
    ["tab", "metric_key\tvalue\nk\t1\n", "tab"],
    ["header only", "metric_key;value;note\n", "“;”"],
  ])("explains a wrong delimiter (%s)", (_name, text, shown) => {
    const e = errs(text);
    expect(e).toHaveLength(1);
    expect(e[0]!.row).toBe(1);
    expect(e[0]!.message).toMatch(/must be comma separated/);
    expect(e[0]!.message).toContain(shown);
  });

  it.each([
    ["empty file", ""],
    ["BOM only", "\uFEFF"],
    ["blank lines", "\n\n"],
    ["header only", "metric_key,value\n"],
    ["header and blank lines", "metric_key,value\n\n,\n"],
  ])("refuses a file with no data rows (%s)", (_name, text) => {
    expect(errs(text)).toEqual([{ row: 1, column: "", message: "the file has no data rows" }]);
  });

  it("reports CSV syntax errors with their line", () => {
    expect(errs('metric_key,value\nk,1\nj,"2\n')).toEqual([{ row: 3, column: "", message: expect.stringMatching(/unterminated/) }]);
  });
});

describe("parseValuesCsv: rows", () => {
  it("keeps the value and qualifier cells as written (trimmed; the qualifier lower-cased): importValues judges them", () => {
    const rows = ok('metric_key,value,qualifier\na,"76,000",\nb, 203M ,none\nc,43%,NONE\nd,abc,Over\ne,,  about \nf,-2.5,roughly\n');
    expect(rows.map((r) => [r.metricKey, r.value, r.qualifier])).toEqual([
      ["a", "76,000", ""],
      ["b", "203M", "none"],
      ["c", "43%", "none"],
      ["d", "abc", "over"],
      ["e", "", "about"],
      ["f", "-2.5", "roughly"],
    ]);
  });

  it("skips blank lines but keeps spreadsheet row numbers", () => {
    const rows = ok("metric_key,value\n\na,1\n,\nb,2\n");
    expect(rows.map((r) => [r.row, r.metricKey])).toEqual([
      [3, "a"],
      [5, "b"],
    ]);
  });

  it("treats empty or whitespace-only note and source as null, keeps other text verbatim", () => {
    const rows = ok('metric_key,value,note,source\na,1,,  \nb,1," padded ",src\n');
    expect(rows[0]).toMatchObject({ note: null, source: null });
    expect(rows[1]).toMatchObject({ note: " padded ", source: "src" });
  });

  it("restores formula-prefixed text in metric_key, note and source", () => {
    const rows = ok("metric_key,value,note,source\n'-k,1,'=SUM(A1),'@src\nj,2,'hello,'+x\n");
    expect(rows[0]).toMatchObject({ metricKey: "-k", note: "=SUM(A1)", source: "@src" });
    expect(rows[1]).toMatchObject({ metricKey: "j", note: "'hello", source: "+x" });
  });

  it("collects every row error of the file's shape, not just the first", () => {
    const text = ["metric_key,value,qualifier", "a,abc,roughly", ",2,", "a,3,", "c,1", `d,${"9".repeat(20)},`].join("\n");
    expect(errs(text)).toEqual([
      { row: 3, column: "metric_key", message: "metric_key is empty" },
      { row: 4, column: "metric_key", message: "metric_key “a” already appears on row 2" },
      { row: 5, column: "", message: "expected 3 fields like the header, found 2" },
    ]);
  });

  it("names the first row of a duplicated metric_key", () => {
    const e = errs("metric_key,value\na,1\nb,2\na,3\na,4\n");
    expect(e).toEqual([
      { row: 4, column: "metric_key", message: "metric_key “a” already appears on row 2" },
      { row: 5, column: "metric_key", message: "metric_key “a” already appears on row 2" },
    ]);
  });

  it("reports rows with a different field count", () => {
    expect(errs("metric_key,value\na,1,extra\nb\n")).toEqual([
      { row: 2, column: "", message: "expected 2 fields like the header, found 3" },
      { row: 3, column: "", message: "expected 2 fields like the header, found 1" },
    ]);
  });

  it("stops with a single error when maxRows is exceeded", () => {
    const body = Array.from({ length: 6 }, (_, i) => `k${i},bad`).join("\n");
    expect(errs(`metric_key,value\n${body}\n`, { maxRows: 5 })).toEqual([{ row: 1, column: "", message: "the file has 6 data rows; at most 5 are allowed" }]);
    expect(() => ok(`metric_key,value\n${body.replaceAll("bad", "1")}\n`, { maxRows: 6 })).not.toThrow();
  });

  it("defaults maxRows to 20,000", () => {
    const body = Array.from({ length: 20_001 }, (_, i) => `k${i},1`).join("\n");
    const e = errs(`metric_key,value\n${body}\n`);
    expect(e).toHaveLength(1);
    expect(e[0]!.message).toMatch(/at most 20,000/);
  });
});

describe("round trip: valuesToCsv → parseValuesCsv", () => {
  const notes = [
    '=HYPERLINK("http://x")',
    "+1",
    "-5 people",
    "@channel",
    "\tindented",
    "\rcarriage",
    "'=already quoted",
    "'hello",
    "a, b, c",
    'say "hi"',
    "line 1\nline 2",
    "crlf\r\ninside",
    "é accents",
    "中文说明",
    "emoji 🙂👍🏽",
    "",
  ];

  it("reproduces value, qualifier, note and source", () => {
    const rows: ExportRow[] = notes.map((note, i) =>
      exportRowOf({
        metricKey: `m${i}`,
        value: [76000, -3.25, 0.1 + 0.2, 1e15, null, 0, 1e-7][i % 7]!,
        qualifier: ([null, "over", "about"] as const)[i % 3]!,
        note: note === "" ? null : note,
        source: notes[(i + 3) % notes.length] || null,
      }),
    );
    const parsed = ok(valuesToCsv(rows));
    // The cells as written: the number exactly as plain text, the qualifier's word or nothing.
    const read = parsed.map(({ metricKey, value, qualifier, note, source }) => ({
      metricKey,
      value: value === "" ? null : Number(value),
      qualifier: qualifier || null,
      note,
      source,
    }));
    expect(read).toEqual(rows.map(({ metricKey, value, qualifier, note, source }) => ({ metricKey, value, qualifier, note, source })));
  });

  it("numbers rows by spreadsheet row even when notes contain newlines", () => {
    const csv = valuesToCsv([exportRowOf({ metricKey: "a", note: "x\ny" }), exportRowOf({ metricKey: "b" })]);
    expect(ok(csv).map((r) => r.row)).toEqual([2, 3]);
  });
});
