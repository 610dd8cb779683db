import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "./schema";

export type OpenedDatabase = {
  kind: "pglite" | "postgres";
  db: PgDatabase<PgQueryResultHKT, typeof schema>;
  /** Cheap round trip for the health check. */
  ping: () => Promise<void>;
  close: () => Promise<void>;
  pglite?: PGlite;
  pool?: Pool;
};

const casing = "snake_case" as const;

/** `dataDir` undefined = in memory (tests). */
export async function openPglite(dataDir?: string): Promise<OpenedDatabase> {
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema, casing }) as unknown as OpenedDatabase["db"];
  return {
    kind: "pglite",
    db,
    pglite: client,
    ping: async () => {
      await client.query("select 1");
    },
    close: () => client.close(),
  };
}

export async function openPostgres(
  url: string,
  opts: { poolSize?: number; statementTimeoutMs?: number } = {},
): Promise<OpenedDatabase> {
  const pool = new Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    // A database that is down must answer quickly with an error, not hang the request.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // Server-side cancel of runaway statements: no request holds a connection forever.
    statement_timeout: opts.statementTimeoutMs ?? 15_000,
    idle_in_transaction_session_timeout: 60_000,
  });
  // An idle client that loses its server emits 'error'; without a listener it would crash the process.
  pool.on("error", (error) => console.error("[db] idle PostgreSQL client error:", error.message));
  const client = await pool.connect();
  client.release();
  const db = drizzlePg(pool, { schema, casing }) as unknown as OpenedDatabase["db"];
  return {
    kind: "postgres",
    db,
    pool,
    ping: async () => {
      await pool.query("select 1");
    },
    close: () => pool.end(),
  };
}
