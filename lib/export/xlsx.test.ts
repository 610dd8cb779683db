import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ExportValue } from "./model";
import { buildYearWorkbook } from "./xlsx";

const value = (updatedAt: ExportValue["updatedAt"]): ExportValue => ({
  metricKey: "peacekeepers_total",
  section: "peace_operations",
  label: "Peacekeepers",
  unit: "count",
  value: 76_000,
  qualifier: "over",
  note: null,
  source: null,
  updatedAt,
  updatedBy: "Eve",
});

/** The updated_at cell of the one figure (row 1 the header, row 2 its section's heading). */
async function updatedAtCell(updatedAt: ExportValue["updatedAt"]) {
  const data = await buildYearWorkbook(
    {
      year: 2023,
      status: "open",
      values: [value(updatedAt)],
      quotes: [],
      sections: [{ key: "peace_operations", title: "Peace operations" }],
      snapshot: null,
      fromSnapshot: false,
    },
    { exportedAt: new Date("2026-01-01T00:00:00Z"), exportedBy: "Eve" },
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.getWorksheet("Figures")!.getRow(3).getCell(10).value;
}

describe("buildYearWorkbook", () => {
  it("writes updated_at in UTC like the CSV, reading zone-less text as UTC", async () => {
    expect(await updatedAtCell(new Date("2024-05-01T12:30:00Z"))).toBe("2024-05-01T12:30:00.000Z");
    expect(await updatedAtCell("2024-05-01 12:30:00")).toBe("2024-05-01T12:30:00.000Z");
    expect(await updatedAtCell("not a date")).toBe("not a date");
    expect(await updatedAtCell(null)).toBeNull();
  });
});
