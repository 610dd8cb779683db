import path from "node:path";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { OpenedDatabase } from "./connect";

const migrationsFolder = path.join(process.cwd(), "drizzle");
/** Any fixed number: the advisory lock that makes servers starting together migrate one at a time. */
const MIGRATION_LOCK = 20_261_128;

/**
 * Applies the committed drizzle/ folder with each driver's own migrator: one folder, both engines.
 * On PostgreSQL several servers may start at once on one database; drizzle's migrator does not
 * guard against that (two would both create its schema and apply the same migration), so the
 * migration runs on one connection holding a session advisory lock, and the others wait for it
 * and then find nothing left to apply.
 */
export async function runMigrations(opened: OpenedDatabase): Promise<void> {
  if (opened.kind === "pglite") {
    await migratePglite(opened.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const client = await opened.pool!.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client), { migrationsFolder });
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    client.release();
  } catch (error) {
    // Closing the connection ends its session and with it the lock; a failed client is not reused.
    client.release(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}
