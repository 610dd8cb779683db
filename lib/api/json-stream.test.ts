import { describe, expect, it } from "vitest";
import { streamedJson } from "./json-stream";

async function* pagesOf<T>(...pages: T[][]) {
  for (const p of pages) yield p;
}

describe("streamedJson", () => {
  it("writes the members around an array made of every page, in order", async () => {
    const r = streamedJson({ year: 2024, metricKey: "k" }, "revisions", pagesOf([{ a: 1 }, { a: 2 }], [], [{ a: 3 }]), { nextBefore: null });
    expect(r.headers.get("content-type")).toBe("application/json");
    const text = await r.text();
    expect(JSON.parse(text)).toEqual({ year: 2024, metricKey: "k", revisions: [{ a: 1 }, { a: 2 }, { a: 3 }], nextBefore: null });
    expect(Object.keys(JSON.parse(text))).toEqual(["year", "metricKey", "revisions", "nextBefore"]);
  });

  it("writes an empty array, and needs no members around it", async () => {
    expect(await streamedJson({}, "items", pagesOf(), {}).json()).toEqual({ items: [] });
    expect(await streamedJson({}, "items", pagesOf([]), { more: false }).json()).toEqual({ items: [], more: false });
  });

  it("keeps the status and headers it is given", async () => {
    const r = streamedJson({}, "items", pagesOf([1]), {}, { status: 206, headers: { "Cache-Control": "no-store" } });
    expect(r.status).toBe(206);
    expect(r.headers.get("cache-control")).toBe("no-store");
  });

  it("cuts the answer short when a page fails, so no client takes a partial list for a whole one", async () => {
    async function* failing() {
      yield [1, 2];
      throw new Error("connection lost");
    }
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await expect(streamedJson({}, "items", failing(), {}).text()).rejects.toThrow();
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
  });
});
