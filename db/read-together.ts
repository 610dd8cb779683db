import { PgTransaction } from "drizzle-orm/pg-core";
import type { Executor } from "./client";

type Reads<T extends readonly unknown[]> = { readonly [K in keyof T]: () => Promise<T[K]> };

/**
 * Independent reads of one answer: side by side on the pool, each on its own connection, but
 * one after another inside a transaction. A transaction is one connection, which runs one query
 * at a time anyway; `pg` deprecates sending it a second before the first has answered (an error
 * in pg 9), and the sign-off's checks and a snapshot's content are read inside one.
 */
export async function readTogether<T extends readonly unknown[]>(db: Executor, reads: Reads<T>): Promise<T> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
