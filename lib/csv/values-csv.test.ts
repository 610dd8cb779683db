import { describe, expect, it } from "vitest";
import { exportRowOf } from "@/tests/support/fixtures";
import { parseCsv } from "./rfc4180";
import { EXPORT_COLUMNS, valuesToCsv } from "./values-csv";

describe("valuesToCsv", () => {
  it("writes the contract header in order, CRLF, no BOM", () => {
    const csv = valuesToCsv([]);
    expect(csv).toBe(`${EXPORT_COLUMNS.join(",")}\r\n`);
    expect(csv.startsWith("\uFEFF")).toBe(false);
    expect(EXPORT_COLUMNS).toEqual(["year", "section", "metric_key", "label", "unit", "value", "qualifier", "note", "source", "updated_at", "updated_by"]);
  });

  it("writes a full row with plain numbers and ISO timestamps", () => {
    const csv = valuesToCsv([exportRowOf({ note: "a, b", source: "UNHCR" })]);
    expect(csv.split("\r\n")[1]).toBe('2024,Displacement,refugees,Refugees,count,43400000,over,"a, b",UNHCR,2024-05-01T12:30:00.000Z,Ana');
  });

  it("adds the printed wording and structured provenance after the contract's columns only when asked", () => {
    const row = exportRowOf({ wording: "more than", sourceUrl: "https://example.org/r", sourcePublished: "2024-06-30", sourcePhrase: "=over 43 million" });
    expect(valuesToCsv([row]).split("\r\n")[0]).toBe(EXPORT_COLUMNS.join(","));
    const [header, line] = valuesToCsv([row], { provenance: true }).split("\r\n");
    expect(header).toBe(`${EXPORT_COLUMNS.join(",")},wording,source_producer,source_title,source_url,source_published,source_accessed,source_phrase`);
    expect(line).toBe(
      "2024,Displacement,refugees,Refugees,count,43400000,over,,,2024-05-01T12:30:00.000Z,Ana,more than,,,https://example.org/r,2024-06-30,,'=over 43 million",
    );
  });

  it("writes nulls as empty cells", () => {
    const csv = valuesToCsv([exportRowOf({ value: null, qualifier: null, note: null, source: null, updatedAt: null, updatedBy: null })]);
    expect(csv.split("\r\n")[1]).toBe("2024,Displacement,refugees,Refugees,count,,,,,,");
  });

  it("never neutralises a negative value but does neutralise text", () => {
    const csv = valuesToCsv([exportRowOf({ value: -5, label: "-Refugees", note: "=1+1", updatedBy: "@bob" })]);
    const cells = (parseCsv(csv) as { ok: true; rows: string[][] }).rows[1]!;
    expect(cells[5]).toBe("-5");
    expect(cells[3]).toBe("'-Refugees");
    expect(cells[7]).toBe("'=1+1");
    expect(cells[10]).toBe("'@bob");
  });

  it("writes small and large values without exponent", () => {
    const csv = valuesToCsv([exportRowOf({ value: 1e-7 }), exportRowOf({ metricKey: "b", value: 1e15 })]);
    expect(csv).toContain(",0.0000001,");
    expect(csv).toContain(",1000000000000000,");
  });

  it("normalises string timestamps to ISO 8601 UTC", () => {
    const iso = (updatedAt: string) => (parseCsv(valuesToCsv([exportRowOf({ updatedAt })])) as { ok: true; rows: string[][] }).rows[1]![9];
    expect(iso("2024-05-01T12:30:00Z")).toBe("2024-05-01T12:30:00.000Z");
    expect(iso("2024-05-01T14:30:00+02:00")).toBe("2024-05-01T12:30:00.000Z");
    expect(iso("2024-05-01 12:30:00")).toBe("2024-05-01T12:30:00.000Z");
    expect(iso("not a date")).toBe("not a date");
  });
});
