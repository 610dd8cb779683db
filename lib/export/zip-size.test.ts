import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { zipOf } from "@/tests/support/zip";
import { unpackedSize } from "./zip-size";

describe("unpackedSize", () => {
  it("counts what every entry of an archive unpacks to", () => {
    const zip = zipOf([
      { name: "a.xml", data: Buffer.alloc(10_000, "a") },
      { name: "b.xml", data: Buffer.from("<b/>") },
    ]);
    expect(unpackedSize(zip, 1_000_000)).toBe(10_004);
    expect(unpackedSize(zip, 10_004)).toBe(10_004);
    expect(unpackedSize(zip, 10_003)).toBeNull();
  });

  it("reads a workbook exceljs wrote", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Figures").addRows(Array.from({ length: 500 }, (_, i) => [`metric_${i}`, i * 1000]));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const size = unpackedSize(bytes, 50_000_000);
    expect(size).toBeGreaterThan(bytes.length);
    expect(size).toBeLessThan(200_000);
  });

  it("stops at the limit however small the archive claims to unpack", () => {
    // 60 MB of zeros deflates to about 60 KB, and the headers say 10 bytes.
    const bomb = zipOf([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(60 * 1024 * 1024) }], 10);
    expect(bomb.length).toBeLessThan(100_000);
    expect(unpackedSize(bomb, 50 * 1024 * 1024)).toBeNull();
  });

  it("refuses what is not a ZIP archive it can read", () => {
    expect(() => unpackedSize(Buffer.from("metric_key,value\r\n"), 1000)).toThrow();
    const zip = zipOf([{ name: "a.xml", data: Buffer.alloc(100, "a") }]);
    expect(() => unpackedSize(zip.subarray(0, zip.length - 40), 1000)).toThrow();
    const cut = Buffer.from(zip);
    cut.writeUInt32LE(0, 0);
    expect(() => unpackedSize(cut, 1000)).toThrow(/local header/);
  });
});
