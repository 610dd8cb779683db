import type { Executor } from "./client";

/**
 * A read served from memory while a key the database gives for it is unchanged. The key is read
 * on every call, so several server processes on one database stay correct, and before the data,
 * so the data is at least as new as its key: a write landing in between leaves newer data under
 * an older key, which the next call simply reads again. One entry per database handle (tests open
 * many databases in one process; a transaction is a handle of its own and simply misses).
 */
export function cachedByKey<T>(readKey: (db: Executor) => Promise<string>, read: (db: Executor) => Promise<T>): (db: Executor) => Promise<T> {
  const cache = new WeakMap<object, { key: string; data: T }>();
  return async (db) => {
    const key = await readKey(db);
    const hit = cache.get(db);
    if (hit?.key === key) return hit.data;
    const data = await read(db);
    cache.set(db, { key, data });
    return data;
  };
}

/**
 * The same, for data whose key and rows one statement can give together: `read` is told the key in
 * memory (null when there is none) and answers with the current key and, only when it differs,
 * the data (else null). One round trip whether or not the data changed, and key and data from
 * one snapshot.
 */
export function cachedIfChanged<T>(read: (db: Executor, known: string | null) => Promise<{ key: string; data: T | null }>): (db: Executor) => Promise<T> {
  const cache = new WeakMap<object, { key: string; data: T }>();
  return async (db) => {
    const hit = cache.get(db);
    const answer = await read(db, hit?.key ?? null);
    if (answer.data === null) {
      if (hit?.key !== answer.key) throw new Error(`cachedIfChanged: no data for key ${answer.key}, and none in memory`);
      return hit.data;
    }
    cache.set(db, { key: answer.key, data: answer.data });
    return answer.data;
  };
}
