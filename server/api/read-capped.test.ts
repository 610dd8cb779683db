import { describe, expect, it } from "vitest";
import { readCapped } from "@/server/api/read-capped";

/** A chunked body with no end and no Content-Length, counting the chunks it was asked for. */
function endlessBody() {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(new Uint8Array(64 * 1024));
    },
  });
  const req = new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
  return { req, pulled: () => pulled };
}

const tooLarge = () => new Error("too large");

describe("readCapped", () => {
  it("stops reading a chunked body as soon as it passes the limit", async () => {
    const { req, pulled } = endlessBody();
    await expect(readCapped(req, 1_000_000, tooLarge)).rejects.toThrow("too large");
    // 16 chunks of 64 KB reach the limit; a few more may be buffered ahead, never the endless rest.
    expect(pulled()).toBeLessThan(20);
  });

  it("refuses a declared length over the limit before reading anything", async () => {
    const req = new Request("http://x/", { method: "POST", body: "{}", headers: { "content-length": "2000000" } });
    await expect(readCapped(req, 1_000_000, tooLarge)).rejects.toThrow("too large");
    expect(req.bodyUsed).toBe(false);
  });

  it("returns a body within the limit byte for byte", async () => {
    const body = new TextEncoder().encode('{"note":"é"}');
    const req = new Request("http://x/", { method: "POST", body });
    expect(await readCapped(req, body.length, tooLarge)).toEqual(body);
    expect(await readCapped(new Request("http://x/"), 10, tooLarge)).toEqual(new Uint8Array());
  });
});
