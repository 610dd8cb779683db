import { deflateRawSync } from "node:zlib";
import { Zip, ZipPassThrough } from "fflate";
import { ZipFile } from "yazl";

type Entry = { name: string; data: Buffer };

/**
 * A ZIP archive of deflated entries, written by fflate. With `declared`, every entry's headers
 * claim that unpacked size whatever it really is: the lie a zip bomb tells.
 */
export function zipOf(entries: Entry[], declared?: number): Buffer {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const entry of entries) {
    const file = new DeflatedEntry(entry.name, declared);
    zip.add(file);
    file.push(entry.data, true);
  }
  zip.end();
  return Buffer.concat(parts);
}

/** A ZIP64 archive (64-bit sizes and offsets, as archives past 4 GB or 65,535 entries need), written by yazl. */
export async function zip64Of(entries: Entry[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { forceZip64Format: true });
  zip.end({ forceZip64Format: true, comment: "" });
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * fflate's documented way to bring one's own compression (a ZipPassThrough whose process()
 * compresses), which also lets the entry declare a size of our choosing. Each entry is pushed
 * as one chunk, so one raw deflate stream per entry.
 */
class DeflatedEntry extends ZipPassThrough {
  constructor(
    name: string,
    private readonly declared: number | undefined,
  ) {
    super(name);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    if (final && this.declared !== undefined) this.size = this.declared;
    this.ondata(null, deflateRawSync(chunk), final);
  }
}
