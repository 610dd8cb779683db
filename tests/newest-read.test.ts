import { describe, expect, it } from "vitest";
import { newestRead, SUPERSEDED } from "@/components/ui/newest-read";

/** A promise and the function that settles it, to decide the order answers arrive in. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("newestRead", () => {
  it("gives an earlier read that answers last nothing to show", async () => {
    const read = newestRead();
    const first = deferred<string>();
    const second = deferred<string>();
    const firstShown = read(first.promise);
    const secondShown = read(second.promise);
    second.resolve("newer");
    expect(await secondShown).toBe("newer");
    first.resolve("older");
    expect(await firstShown).toBe(SUPERSEDED);
  });

  it("lets each read through when they do not overlap, and keeps separate sequences apart", async () => {
    const read = newestRead();
    expect(await read(Promise.resolve(1))).toBe(1);
    expect(await read(Promise.resolve(2))).toBe(2);
    const other = newestRead();
    const pending = deferred<number>();
    const mine = read(pending.promise);
    expect(await other(Promise.resolve(3))).toBe(3);
    pending.resolve(4);
    expect(await mine).toBe(4);
  });
});
