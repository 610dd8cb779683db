import { AsyncLocalStorage } from "node:async_hooks";
import type { PGlite } from "@electric-sql/pglite";
import type { Pool, PoolClient } from "pg";

// No "server-only" here: db/connect.ts imports this, and so do the scripts that run without the
// react-server condition (the PGlite template at build time).

/**
 * How long one request has waited on the database: wall-clock time during which at least one
 * of its queries was in flight, so queries run side by side are not counted twice and the
 * figure never exceeds the request's own duration.
 */
export type QueryClock = { ms: number; inFlight: number; since: number };

// Next loads this module more than once (instrumentation opens the database, each route bundle
// times it): one store per process on globalThis, as db/client.ts keeps one database, or the
// driver wrapped at start-up would look in a store no request ever fills.
const current = ((globalThis as { __reportDeskQueryClock?: AsyncLocalStorage<QueryClock> }).__reportDeskQueryClock ??= new AsyncLocalStorage<QueryClock>());

export function newQueryClock(): QueryClock {
  return { ms: 0, inFlight: 0, since: 0 };
}

/** Runs `fn` with every query it starts, however deep, counted on `clock`. */
export function withQueryClock<T>(clock: QueryClock, fn: () => T): T {
  return current.run(clock, fn);
}

/** The database time so far, including a query still running. */
export function queryMs(clock: QueryClock): number {
  return clock.inFlight > 0 ? clock.ms + (performance.now() - clock.since) : clock.ms;
}

function started(clock: QueryClock) {
  if (clock.inFlight++ === 0) clock.since = performance.now();
}

function ended(clock: QueryClock) {
  if (--clock.inFlight === 0) clock.ms += performance.now() - clock.since;
}

type AnyFn = (...args: never[]) => unknown;

/**
 * The same function, timed when it returns a promise inside a clocked request. Outside one
 * (start-up, the CLI, the benchmark's floors) it costs one AsyncLocalStorage lookup. A call in
 * callback form is left alone: pg's pool uses it internally, possibly in another request's
 * context, and the promise-form call around it is the one timed.
 */
function timed<F extends AnyFn>(fn: F): F {
  return function (this: unknown, ...args: Parameters<F>) {
    const clock = current.getStore();
    if (!clock || typeof args[args.length - 1] === "function") return fn.apply(this, args);
    started(clock);
    let result: unknown;
    try {
      result = fn.apply(this, args);
    } catch (error) {
      ended(clock);
      throw error;
    }
    if (result instanceof Promise) {
      const done = () => ended(clock);
      // The caller gets the original promise; this branch only observes it.
      result.then(done, done);
    } else {
      ended(clock);
    }
    return result;
  } as F;
}

/**
 * Drizzle sends a plain query through `query`, and a transaction's through the `tx` object
 * PGlite hands to the callback: both are timed. BEGIN and COMMIT go through PGlite's private
 * path and are not.
 */
export function clockPglite(client: PGlite): void {
  client.query = timed(client.query.bind(client));
  client.exec = timed(client.exec.bind(client));
  const transaction = client.transaction.bind(client);
  client.transaction = (callback) =>
    transaction((tx) => {
      tx.query = timed(tx.query.bind(tx));
      tx.exec = timed(tx.exec.bind(tx));
      return callback(tx);
    });
}

const CLOCKED = Symbol("report-desk.clocked");

/**
 * Drizzle sends a plain query through `pool.query` and a transaction's through the client it
 * takes with `pool.connect()`: both are timed, from the caller's own context. A pooled client is
 * wrapped once and keeps its wrapper when it comes back.
 */
export function clockPool(pool: Pool): void {
  pool.query = timed<Pool["query"]>(pool.query.bind(pool));
  const connect = pool.connect.bind(pool) as (cb?: unknown) => unknown;
  pool.connect = function (callback?: unknown) {
    if (callback) return connect(callback);
    return (connect() as Promise<PoolClient>).then((client) => {
      const marked = client as PoolClient & { [CLOCKED]?: true };
      if (!marked[CLOCKED]) {
        marked[CLOCKED] = true;
        client.query = timed<PoolClient["query"]>(client.query.bind(client));
      }
      return client;
    });
  } as Pool["connect"];
}
