import { randomBytes } from "node:crypto";
import { Client } from "pg";

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

/**
 * A new, empty database on the PostgreSQL server of `adminUrl`, named for what uses it
 * (`rd_perf_<purpose>_<random>`), and how to drop it again (forcing out any connection left).
 */
export async function createScratchDatabase(adminUrl: string, purpose: string): Promise<ScratchDatabase> {
  const name = `rd_perf_${purpose}_${randomBytes(4).toString("hex")}`;
  await withClient(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined) };
}

async function withClient<T>(connectionString: string, run: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}
