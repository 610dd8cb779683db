import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { x as extractTar } from "tar";
import { readTemplate } from "./pglite-template";
import { clockPglite, clockPool } from "./query-clock";
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

/**
 * PostgreSQL's default 128 MB of shared buffers is zeroed at start, so it is resident from the
 * first moment; the benchmark's whole database is 44 MB. 32 MB keeps the hot pages in buffers
 * (the operating system caches the rest of the folder) and about 100 MB less memory (decision 035).
 */
const PGLITE_START = { startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"] };

/**
 * `dataDir` undefined = in memory (tests). A folder without a database is first created
 * from `template` when one is readable (db/pglite-template.ts), else by initdb.
 */
export async function openPglite(dataDir?: string, opts: { template?: string } = {}): Promise<OpenedDatabase> {
  let client: PGlite;
  if (dataDir === undefined) {
    const template = readTemplate(opts.template);
    client = await PGlite.create(template ? { ...PGLITE_START, loadDataDir: template } : PGLITE_START);
  } else {
    client = await openFolder(dataDir, opts.template);
  }
  // Every query counts towards the Server-Timing of the request that sent it (db/query-clock.ts).
  clockPglite(client);
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

/**
 * Opens the folder's database, creating it first when there is none. A marker file beside
 * the folder exists while a database is being made: a process killed meanwhile leaves the
 * marker, and the next start makes the database again instead of opening half of one.
 */
async function openFolder(dataDir: string, templateFile: string | undefined): Promise<PGlite> {
  const marker = `${dataDir}.creating`;
  if (fs.existsSync(marker)) fs.rmSync(dataDir, { recursive: true, force: true });
  else if (fs.existsSync(path.join(dataDir, "PG_VERSION"))) return PGlite.create(dataDir, PGLITE_START);
  else if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} holds files but no database (no PG_VERSION): move it away to start a new embedded database`);
  }
  fs.writeFileSync(marker, "");
  let client: PGlite | null = null;
  if (templateFile && fs.existsSync(templateFile)) {
    try {
      // Unpacked by Node into the folder, then opened as any existing database: PGlite's own
      // `loadDataDir` writes every file through its WebAssembly file system, which cost about a
      // second and kept about 100 MB more memory resident for the life of the server (decision 038).
      unpackTemplate(templateFile, dataDir);
      client = await PGlite.create(dataDir, PGLITE_START);
    } catch (error) {
      // A damaged or foreign template costs only time: initdb as if there were none.
      console.warn(`[db] the PGlite template could not be used (${error instanceof Error ? error.message : String(error)}); running initdb instead`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  client ??= await PGlite.create(dataDir, PGLITE_START);
  fs.rmSync(marker);
  return client;
}

/** Unpacks the template tarball (paths from the cluster's root; tar also reads a gzipped one) into `dataDir`. */
function unpackTemplate(templateFile: string, dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  // PGlite writes the paths from the root ("/PG_VERSION"), which tar unpacks under `cwd` and
  // reports as information; any other warning is a file not written, and then the whole folder
  // is made again by initdb rather than opened with files missing.
  // Synchronous: at start nothing else can run before the database is open, and node-tar's
  // asynchronous path took about twice as long on the server's start.
  const problems: string[] = [];
  extractTar({
    sync: true,
    file: templateFile,
    cwd: dataDir,
    onwarn: (code, message) => void (code !== "TAR_ENTRY_INFO" && problems.push(`${code}: ${String(message)}`)),
  });
  if (problems.length > 0) throw new Error(problems.join("; "));
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`${templateFile} holds no PostgreSQL cluster`);
}

export async function openPostgres(url: string, opts: { poolSize?: number; statementTimeoutMs?: number } = {}): Promise<OpenedDatabase> {
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
  clockPool(pool);
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
