import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { zip64Of, zipOf } from "@/tests/support/zip";
import { unpackedSize } from "./zip-size";

const ZIP64_END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x06, 0x06]);

describe("unpackedSize", () => {
  it("counts what every entry of an archive unpacks to", async () => {
    const zip = zipOf([
      { name: "a.xml", data: Buffer.alloc(10_000, "a") },
      { name: "b.xml", data: Buffer.from("<b/>") },
    ]);
    expect(await unpackedSize(zip, 1_000_000)).toBe(10_004);
    expect(await unpackedSize(zip, 10_004)).toBe(10_004);
    expect(await unpackedSize(zip, 10_003)).toBeNull();
  });

  it("reads a workbook exceljs wrote", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Figures").addRows(Array.from({ length: 500 }, (_, i) => [`metric_${i}`, i * 1000]));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const size = await unpackedSize(bytes, 50_000_000);
    expect(size).toBeGreaterThan(bytes.length);
    expect(size).toBeLessThan(200_000);
  });

  it("reads ZIP64 archives, whose sizes and offsets live in 64-bit records", async () => {
    const zip = await zip64Of([
      { name: "a.xml", data: Buffer.alloc(10_000, "a") },
      { name: "b.xml", data: Buffer.from("<b/>") },
    ]);
    expect(zip.includes(ZIP64_END_OF_DIRECTORY)).toBe(true);
    expect(await unpackedSize(zip, 1_000_000)).toBe(10_004);
    expect(await unpackedSize(zip, 10_003)).toBeNull();
    const bomb = await zip64Of([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(60 * 1024 * 1024) }]);
    expect(await unpackedSize(bomb, 50 * 1024 * 1024)).toBeNull();
  });

  it("stops at the limit however small the archive claims to unpack", async () => {
    // 60 MB of zeros deflates to about 60 KB, and the headers say 10 bytes.
    const bomb = zipOf([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(60 * 1024 * 1024) }], 10);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await unpackedSize(bomb, 50 * 1024 * 1024)).toBeNull();
  });

  it("refuses what is not a ZIP archive it can read", async () => {
    await expect(unpackedSize(Buffer.from("metric_key,value\r\n"), 1000)).rejects.toThrow();
    const zip = zipOf([{ name: "a.xml", data: Buffer.alloc(100, "a") }]);
    await expect(unpackedSize(zip.subarray(0, zip.length - 40), 1000)).rejects.toThrow();
    const cut = Buffer.from(zip);
    cut.writeUInt32LE(0, 0);
    await expect(unpackedSize(cut, 1000)).rejects.toThrow(/local file header/);
  });
});
