import type { Pool } from "pg";
import { describe, expect, it, vi } from "vitest";

/** A pool whose queries stay in flight until the test lets them finish. */
function fakePool() {
  const pending: (() => void)[] = [];
  const pool = {
    query: () => new Promise<void>((resolve) => pending.push(resolve)),
    connect: () => Promise.resolve({ query: () => Promise.resolve() }),
  };
  return { pool: pool as unknown as Pool, finishAll: () => pending.splice(0).forEach((f) => f()) };
}

describe("the query clock", () => {
  it("counts a query while it is in flight, overlapping queries once", async () => {
    const { clockPool, newQueryClock, withQueryClock } = await import("./query-clock");
    const { pool, finishAll } = fakePool();
    clockPool(pool);
    const clock = newQueryClock();
    const running = withQueryClock(clock, () => Promise.all([pool.query("select 1"), pool.query("select 2")]));
    expect(clock.inFlight).toBe(2);
    finishAll();
    await running;
    expect(clock.inFlight).toBe(0);
    expect(clock.ms).toBeGreaterThan(0);
  });

  it("works when the driver was wrapped by another copy of the module than the one timing the request", async () => {
    // As in Next's build: instrumentation opens the database, a route bundle times the request.
    const atStartUp = await import("./query-clock");
    vi.resetModules();
    const inTheRoute = await import("./query-clock");
    expect(inTheRoute).not.toBe(atStartUp);
    const { pool, finishAll } = fakePool();
    atStartUp.clockPool(pool);
    const clock = inTheRoute.newQueryClock();
    const running = inTheRoute.withQueryClock(clock, () => pool.query("select 1"));
    expect(clock.inFlight).toBe(1);
    finishAll();
    await running;
    expect(clock.inFlight).toBe(0);
  });

  it("leaves a query outside any request alone", async () => {
    const { clockPool, newQueryClock } = await import("./query-clock");
    const { pool, finishAll } = fakePool();
    clockPool(pool);
    const clock = newQueryClock();
    const running = pool.query("select 1");
    finishAll();
    await running;
    expect(clock).toEqual(newQueryClock());
  });
});
