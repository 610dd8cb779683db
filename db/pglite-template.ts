/**
 * A freshly initialised PGlite cluster, saved as a tarball by `npm run build`
 * (scripts/pglite-template.ts), from which new embedded databases start.
 *
 * PGlite runs initdb in WebAssembly for every new database: about 5 s on a 2-core machine,
 * most of the embedded cold start. Loading the 4.5 MB template takes about 1.5 s. A missing
 * or unreadable template only means the slow way.
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

/** Where the build leaves the template: inside .next, so every build makes a matching one. */
export const BUILD_TEMPLATE = path.join(".next", "pglite-template.tar.gz");

/** Initialises an empty cluster in memory and writes it to `file` (atomically). Returns its size in bytes. */
export async function writeTemplate(file: string): Promise<number> {
  const pg = await PGlite.create();
  try {
    const blob = await pg.dumpDataDir("gzip");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Renamed into place: a server starting meanwhile reads the old file or the whole new one.
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(partial, file);
    return blob.size;
  } finally {
    await pg.close();
  }
}

export function readTemplate(file: string | undefined): Blob | null {
  if (!file) return null;
  try {
    return new Blob([fs.readFileSync(file)]);
  } catch {
    return null;
  }
}
