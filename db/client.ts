import "server-only";
import fs from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { getEnv } from "@/lib/env";
import type * as schema from "./schema";
import { openPglite, openPostgres, type OpenedDatabase } from "./connect";
import { runMigrations } from "./migrate";
import { BUILD_TEMPLATE } from "./pglite-template";
import { seedDatabase } from "./seed/seed";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Functions of the data layer take either the database or an open transaction. */
export type Executor = Database | Transaction;

type Holder = { opening?: Promise<OpenedDatabase> };

// Next can load this module more than once (instrumentation, route bundles, hot reload):
// the handle lives on globalThis so that one process opens one PGlite folder and one pool.
const holder = ((globalThis as { __reportDesk?: Holder }).__reportDesk ??= {});

/** The process's database, created, migrated and seeded on first use. */
export async function getDb(): Promise<Database> {
  return (await getOpened()).db;
}

export async function getOpened(): Promise<OpenedDatabase> {
  holder.opening ??= open().catch((error: unknown) => {
    // A failed start (database down, folder missing) must not be cached: the next request retries.
    holder.opening = undefined;
    throw error;
  });
  return holder.opening;
}

async function open(): Promise<OpenedDatabase> {
  const env = getEnv();
  let opened: OpenedDatabase;
  if (env.databaseUrl) {
    opened = await openPostgres(env.databaseUrl, { poolSize: env.poolSize, statementTimeoutMs: env.statementTimeoutMs });
  } else {
    fs.mkdirSync(env.dataDir, { recursive: true });
    opened = await openPglite(`${env.dataDir}/pglite`, { template: BUILD_TEMPLATE });
  }
  try {
    await runMigrations(opened);
    await seedDatabase(opened.db);
  } catch (error) {
    await opened.close().catch(() => undefined);
    throw error;
  }
  return opened;
}

export function databaseKind(): "pglite" | "postgres" {
  return getEnv().databaseKind;
}
