import { fromBuffer, type Entry, type ZipFile } from "yauzl";

/**
 * The bytes a ZIP archive (an .xlsx is one) unpacks to, counted by really inflating each entry
 * of its central directory, ZIP64 included, with a cap: the sizes an archive declares can lie.
 * exceljs unpacks every part in memory, so a 5 MB upload of highly compressible bytes could
 * otherwise become gigabytes and stop the server. Entries inflate a chunk at a time and the
 * count stops at the cap, so the check itself never holds more than a chunk.
 * `null` when the archive exceeds `max`; rejects when it is not a ZIP archive we can read.
 */
export async function unpackedSize(zip: Uint8Array, max: number): Promise<number | null> {
  // Sizes are counted, not believed: yauzl's own check against the declared size is off.
  const archive = await new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength), { lazyEntries: true, validateEntrySizes: false }, (error, opened) =>
      error ? reject(error) : resolve(opened),
    ),
  );
  try {
    let total = 0;
    for (let entry = await nextEntry(archive); entry; entry = await nextEntry(archive)) {
      const counted = await countEntry(archive, entry, max - total);
      if (counted === null) return null;
      total += counted;
    }
    return total;
  } finally {
    archive.close();
  }
}

function nextEntry(archive: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const done = (entry: Entry | null, error?: Error) => {
      archive.off("entry", onEntry).off("end", onEnd).off("error", onError);
      if (error) reject(error);
      else resolve(entry);
    };
    const onEntry = (entry: Entry) => done(entry);
    const onEnd = () => done(null);
    const onError = (error: Error) => done(null, error);
    archive.on("entry", onEntry).on("end", onEnd).on("error", onError);
    archive.readEntry();
  });
}

/** What one entry unpacks to, or `null` as soon as that passes `room`. */
function countEntry(archive: ZipFile, entry: Entry, room: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    archive.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > room) {
          stream.destroy();
          resolve(null);
        }
      });
      stream.on("error", reject);
      stream.on("end", () => resolve(size));
    });
  });
}
