import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import * as schema from "@/db/schema";
import type { Executor } from "@/db/client";
import type { TestDatabase } from "./db";

/** A second Drizzle handle on the same connection that counts the statements it sends. */
export function countingDb(t: TestDatabase): { db: Executor; count: () => number; reset: () => void } {
  let n = 0;
  const logger = { logQuery: () => void n++ };
  const opts = { schema, casing: "snake_case" as const, logger };
  const db = (t.pglite ? drizzlePglite(t.pglite, opts) : drizzlePg(t.pool!, opts)) as unknown as Executor;
  return { db, count: () => n, reset: () => void (n = 0) };
}
