import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { inject } from "vitest";
import type { Database } from "@/db/client";
import { openPglite, openPostgres, type OpenedDatabase } from "@/db/connect";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { seedDatabase } from "@/db/seed/seed";

export type TestDatabase = OpenedDatabase & { label: string; drop: () => Promise<void> };

/**
 * The engines every data-layer test runs on: PGlite always, and the real PostgreSQL server
 * whenever TEST_DATABASE_URL is set (CI sets it). Use with describe.each.
 */
export const engines: ("pglite" | "postgres")[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/** A fresh, migrated (and by default seeded) database: in-memory PGlite or a new PostgreSQL database. */
export async function createTestDatabase(kind: "pglite" | "postgres", opts: { seed?: boolean } = {}): Promise<TestDatabase> {
  let opened: OpenedDatabase;
  let drop = async () => {};
  if (kind === "pglite") {
    opened = await openPglite(undefined, { template: inject("pgliteTemplate") });
  } else {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
    const name = `rd_test_${randomBytes(6).toString("hex")}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    opened = await openPostgres(url.toString(), { poolSize: 25 });
    drop = async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  await runMigrations(opened);
  if (opts.seed !== false) await seedDatabase(opened.db);
  return {
    ...opened,
    label: kind,
    drop: async () => {
      await opened.close();
      await drop();
    },
  };
}

/**
 * A second Drizzle handle on the same connection that counts the statements it sends: tests
 * prove "a fixed number of queries" or "in batches, not row by row" with it, never with a clock.
 */
export function counting(t: TestDatabase): { db: Database; count: () => number; statements: () => string[]; reset: () => void } {
  let sent: string[] = [];
  const logger = { logQuery: (query: string) => void sent.push(query) };
  const opts = { schema, casing: "snake_case" as const, logger };
  const db = (t.pglite ? drizzlePglite(t.pglite, opts) : drizzlePg(t.pool!, opts)) as unknown as Database;
  // The texts, so a test can tell a transaction's own statements from its BEGIN and COMMIT
  // (which pg's driver sends through the logger and PGlite's does not).
  return { db, count: () => sent.length, statements: () => [...sent], reset: () => void (sent = []) };
}
