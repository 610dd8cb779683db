/**
 * A PGlite cluster saved as a tarball, from which new embedded databases start.
 *
 * PGlite runs initdb in WebAssembly for every new database: about 5 s of CPU on a 2-core
 * machine. A new folder instead unpacks the template (db/connect.ts, decision 038), and tests'
 * in-memory databases load it. `npm run build` (scripts/pglite-template.ts)
 * saves one already migrated and seeded by the code it was built with, so a new folder's start
 * finds nothing left to apply or insert (decision 035); the test setup saves an empty one. A
 * missing or unreadable template only means the slow way.
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { OpenedDatabase } from "./connect";
import { runMigrations } from "./migrate";
import * as schema from "./schema";
import { seedDatabase } from "./seed/seed";

/** Where the build leaves the template: inside .next, so every build makes a matching one. */
export const BUILD_TEMPLATE = path.join(".next", "pglite-template.tar");

/**
 * Initialises a cluster in memory, with `prepared` also migrated and seeded, and writes it to
 * `file` (atomically). Returns its size in bytes.
 */
export async function writeTemplate(file: string, opts: { prepared?: boolean } = {}): Promise<number> {
  const pg = await PGlite.create();
  try {
    if (opts.prepared) {
      const db = drizzle(pg, { schema, casing: "snake_case" }) as unknown as OpenedDatabase["db"];
      await runMigrations({ kind: "pglite", db, pglite: pg, ping: async () => {}, close: () => pg.close() });
      await seedDatabase(db);
    }
    // Not compressed: 43 MB on disk instead of 5, but a new folder skips a third of a second of
    // gunzip at its start, and test databases loaded in memory skip it every time (decision 038).
    const blob = await pg.dumpDataDir("none");
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
