import { describe, expect, it } from "vitest";
import { parseCsv } from "./rfc4180";
import {
  EXPORT_COLUMNS,
  type ExportRow,
  type ImportRow,
  type RowError,
  parseValuesCsv,
  valuesToCsv,
} from "./values-csv";

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

function exportRow(over: Partial<ExportRow> = {}): ExportRow {
  return {
    year: 2024,
    section: "Displacement",
    metricKey: "refugees",
    label: "Refugees",
    unit: "count",
    value: 43_400_000,
    qualifier: "over",
    note: null,
    source: null,
    updatedAt: new Date("2024-05-01T12:30:00.000Z"),
    updatedBy: "Ana",
    ...over,
  };
}

describe("valuesToCsv", () => {
  it("writes the contract header in order, CRLF, no BOM", () => {
    const csv = valuesToCsv([]);
    expect(csv).toBe(`${EXPORT_COLUMNS.join(",")}\r\n`);
    expect(csv.startsWith("\uFEFF")).toBe(false);
    expect(EXPORT_COLUMNS).toEqual([
      "year", "section", "metric_key", "label", "unit", "value",
      "qualifier", "note", "source", "updated_at", "updated_by",
    ]);
  });

  it("writes a full row with plain numbers and ISO timestamps", () => {
    const csv = valuesToCsv([exportRow({ note: "a, b", source: "UNHCR" })]);
    expect(csv.split("\r\n")[1]).toBe(
      '2024,Displacement,refugees,Refugees,count,43400000,over,"a, b",UNHCR,2024-05-01T12:30:00.000Z,Ana',
    );
  });

  it("adds the printed wording and structured provenance after the contract's columns only when asked", () => {
    const row = exportRow({ wording: "more than", sourceUrl: "https://example.org/r", sourcePublished: "2024-06-30", sourcePhrase: "=over 43 million" });
    expect(valuesToCsv([row]).split("\r\n")[0]).toBe(EXPORT_COLUMNS.join(","));
    const [header, line] = valuesToCsv([row], { provenance: true }).split("\r\n");
    expect(header).toBe(`${EXPORT_COLUMNS.join(",")},wording,source_producer,source_title,source_url,source_published,source_accessed,source_phrase`);
    expect(line).toBe("2024,Displacement,refugees,Refugees,count,43400000,over,,,2024-05-01T12:30:00.000Z,Ana,more than,,,https://example.org/r,2024-06-30,,'=over 43 million");
  });

  it("writes nulls as empty cells", () => {
    const csv = valuesToCsv([
      exportRow({ value: null, qualifier: null, note: null, source: null, updatedAt: null, updatedBy: null }),
    ]);
    expect(csv.split("\r\n")[1]).toBe("2024,Displacement,refugees,Refugees,count,,,,,,");
  });

  it("never neutralises a negative value but does neutralise text", () => {
    const csv = valuesToCsv([exportRow({ value: -5, label: "-Refugees", note: "=1+1", updatedBy: "@bob" })]);
    const cells = (parseCsv(csv) as { ok: true; rows: string[][] }).rows[1]!;
    expect(cells[5]).toBe("-5");
    expect(cells[3]).toBe("'-Refugees");
    expect(cells[7]).toBe("'=1+1");
    expect(cells[10]).toBe("'@bob");
  });

  it("writes small and large values without exponent", () => {
    const csv = valuesToCsv([exportRow({ value: 1e-7 }), exportRow({ metricKey: "b", value: 1e15 })]);
    expect(csv).toContain(",0.0000001,");
    expect(csv).toContain(",1000000000000000,");
  });

  it("normalises string timestamps to ISO 8601 UTC", () => {
    const iso = (updatedAt: string) =>
      (parseCsv(valuesToCsv([exportRow({ updatedAt })])) as { ok: true; rows: string[][] }).rows[1]![9];
    expect(iso("2024-05-01T12:30:00Z")).toBe("2024-05-01T12:30:00.000Z");
    expect(iso("2024-05-01T14:30:00+02:00")).toBe("2024-05-01T12:30:00.000Z");
    expect(iso("2024-05-01 12:30:00")).toBe("2024-05-01T12:30:00.000Z");
    expect(iso("not a date")).toBe("not a date");
  });
});

describe("parseValuesCsv: headers", () => {
  it("reads required columns only", () => {
    expect(ok("metric_key,value\nrefugees,76000\n")).toEqual([
      { row: 2, metricKey: "refugees", value: 76000, valueText: "76000", qualifier: null, note: null, source: null },
    ]);
  });

  it("matches headers case-insensitively, trimmed, in any order, ignoring extras", () => {
    const text = "Source , extra, VALUE,Note,  Metric_Key ,QUALIFIER\nUN,x,5,hi,k,About\n";
    expect(ok(text)).toEqual([{ row: 2, metricKey: "k", value: 5, valueText: "5", qualifier: "about", note: "hi", source: "UN" }]);
  });

  it("accepts a BOM and CRLF", () => {
    expect(ok("\uFEFFmetric_key,value\r\nk,1\r\n")).toHaveLength(1);
  });

  it("reports each missing required column on row 1", () => {
    expect(errs("metric_key,note\nk,x\n")).toEqual([
      { row: 1, column: "value", message: "missing required column “value”" },
    ]);
    expect(errs("label,note\nk,x\n")).toEqual([
      { row: 1, column: "metric_key", message: "missing required column “metric_key”" },
      { row: 1, column: "value", message: "missing required column “value”" },
    ]);
  });

  it("reports a duplicated column", () => {
    expect(errs("metric_key,value,Value\nk,1,2\n")).toEqual([
      { row: 1, column: "value", message: "column “value” appears more than once" },
    ]);
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
    expect(errs('metric_key,value\nk,1\nj,"2\n')).toEqual([
      { row: 3, column: "", message: expect.stringMatching(/unterminated/) },
    ]);
  });
});

describe("parseValuesCsv: rows", () => {
  it("parses human numbers and empty values", () => {
    const rows = ok("metric_key,value\na,\"76,000\"\nb,203M\nc,43%\nd,1e6\ne,\nf,  \ng,-2.5\n");
    expect(rows.map((r) => [r.metricKey, r.value])).toEqual([
      ["a", 76000], ["b", 203_000_000], ["c", 43], ["d", 1_000_000], ["e", null], ["f", null], ["g", -2.5],
    ]);
  });

  it("reads qualifiers case-insensitively, with '' and 'none' as null", () => {
    const rows = ok("metric_key,value,qualifier\na,1,\nb,1,none\nc,1,NONE\nd,1,Over\ne,1, about \n");
    expect(rows.map((r) => r.qualifier)).toEqual([null, null, null, "over", "about"]);
  });

  it("skips blank lines but keeps spreadsheet row numbers", () => {
    const rows = ok("metric_key,value\n\na,1\n,\nb,2\n");
    expect(rows.map((r) => [r.row, r.metricKey])).toEqual([[3, "a"], [5, "b"]]);
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

  it("collects every row error, not just the first", () => {
    const text = [
      "metric_key,value,qualifier,note,source",
      "a,abc,,,",
      "b,1,roughly,,",
      ",2,,,",
      "a,3,,,",
      "c,1,over",
      `d,1,,${"n".repeat(2001)},`,
      `e,1,,,${"s".repeat(1001)}`,
      "f,1,,,",
      "g,1e16,,,",
      "h,x,bad,,",
    ].join("\n");
    const e = errs(text);
    expect(e.map((x) => [x.row, x.column])).toEqual([
      [2, "value"],
      [3, "qualifier"],
      [4, "metric_key"],
      [5, "metric_key"],
      [6, ""],
      [7, "note"],
      [8, "source"],
      [10, "value"],
      [11, "value"],
      [11, "qualifier"],
    ]);
    // Row 2 had a value error, yet "a" on row 5 is still a duplicate of it.
    expect(e.find((x) => x.row === 5)?.message).toBe("metric_key “a” already appears on row 2");
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

  it("accepts text at exactly the length limits", () => {
    const text = `metric_key,value,note,source\na,1,${"n".repeat(2000)},${"s".repeat(1000)}\n`;
    expect(ok(text)[0]!.note).toHaveLength(2000);
  });

  it("stops with a single error when maxRows is exceeded", () => {
    const body = Array.from({ length: 6 }, (_, i) => `k${i},bad`).join("\n");
    expect(errs(`metric_key,value\n${body}\n`, { maxRows: 5 })).toEqual([
      { row: 1, column: "", message: "the file has 6 data rows; at most 5 are allowed" },
    ]);
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
    "=HYPERLINK(\"http://x\")", "+1", "-5 people", "@channel", "\tindented", "\rcarriage",
    "'=already quoted", "'hello", "a, b, c", 'say "hi"', "line 1\nline 2", "crlf\r\ninside",
    "é accents", "中文说明", "emoji 🙂👍🏽", "",
  ];

  it("reproduces value, qualifier, note and source", () => {
    const rows: ExportRow[] = notes.map((note, i) =>
      exportRow({
        metricKey: `m${i}`,
        value: [76000, -3.25, 0.1 + 0.2, 1e15, null, 0, 1e-7][i % 7]!,
        qualifier: ([null, "over", "about"] as const)[i % 3]!,
        note: note === "" ? null : note,
        source: notes[(i + 3) % notes.length] || null,
      }),
    );
    const parsed = ok(valuesToCsv(rows));
    expect(parsed.map(({ metricKey, value, qualifier, note, source }) => ({ metricKey, value, qualifier, note, source })))
      .toEqual(rows.map(({ metricKey, value, qualifier, note, source }) => ({ metricKey, value, qualifier, note, source })));
  });

  it("numbers rows by spreadsheet row even when notes contain newlines", () => {
    const csv = valuesToCsv([exportRow({ metricKey: "a", note: "x\ny" }), exportRow({ metricKey: "b" })]);
    expect(ok(csv).map((r) => r.row)).toEqual([2, 3]);
  });
});
