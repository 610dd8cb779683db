import path from "node:path";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { OpenedDatabase } from "./connect";

const migrationsFolder = path.join(process.cwd(), "drizzle");

/** Applies the committed drizzle/ folder with each driver's own migrator: one folder, both engines. */
export async function runMigrations(opened: OpenedDatabase): Promise<void> {
  if (opened.kind === "pglite") {
    await migratePglite(opened.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePg(opened.db as unknown as NodePgDatabase, { migrationsFolder });
  }
}
