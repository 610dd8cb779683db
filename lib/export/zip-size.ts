import { inflateRawSync } from "node:zlib";

/**
 * The bytes a ZIP archive (an .xlsx is one) unpacks to, counted by really inflating each entry
 * with a cap: the sizes an archive declares can lie. exceljs unpacks every part in memory, so a
 * 5 MB upload of highly compressible bytes could otherwise become gigabytes and stop the server.
 * `null` when the archive exceeds `max`; an Error when it is not a ZIP archive we can read.
 */
export function unpackedSize(zip: Uint8Array, max: number): number | null {
  const data = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEndOfCentralDirectory(data);
  const entries = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) throw new Error("broken central directory");
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const local = data.readUInt32LE(at + 42);
    const next = at + 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50) throw new Error("broken local header");
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    if (start + compressed > data.length) throw new Error("entry runs past the end of the file");
    const body = data.subarray(start, start + compressed);
    if (method === 0) {
      total += body.length;
    } else if (method === 8) {
      try {
        total += inflateRawSync(body, { maxOutputLength: max - total + 1 }).length;
      } catch (error) {
        if (error instanceof RangeError) return null;
        throw error;
      }
    } else {
      throw new Error(`unsupported compression method ${method}`);
    }
    if (total > max) return null;
    at = next;
  }
  return total;
}

function findEndOfCentralDirectory(data: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 65_535); at--) {
    if (data.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw new Error("no end of central directory");
}
