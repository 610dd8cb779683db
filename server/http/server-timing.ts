import "server-only";
import { newQueryClock, queryMs, withQueryClock, type QueryClock } from "@/db/query-clock";

/**
 * The Server-Timing header of one answer (`auth;dur=1.20, db;dur=3.40, total;dur=6.00`), so a
 * browser's network panel or `curl -i` shows where a request's time went. Phases are timed with
 * performance.now() and written straight into one string: nothing is kept per phase.
 * `db` is the time the request's queries were in flight (db/query-clock.ts); it overlaps the
 * phases that ran them (auth, handler), and `total` runs from the start of the route's code.
 */
export class ServerTiming {
  readonly clock: QueryClock = newQueryClock();
  private readonly started = performance.now();
  private entries = "";

  /** Times `fn` as the phase `name`; an exception still records the time it took. */
  async phase<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      this.add(name, performance.now() - t0);
    }
  }

  add(name: string, ms: number): void {
    this.entries += `${name};dur=${ms.toFixed(2)}, `;
  }

  header(): string {
    return `${this.entries}db;dur=${queryMs(this.clock).toFixed(2)}, total;dur=${(performance.now() - this.started).toFixed(2)}`;
  }

  /** Runs a request's work with its queries counted on this clock. */
  run<T>(fn: () => T): T {
    return withQueryClock(this.clock, fn);
  }
}
