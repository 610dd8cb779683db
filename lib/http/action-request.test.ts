import { describe, expect, it } from "vitest";
import { ACTION_MAX_BYTES, refuseBadServerAction } from "./action-request";

const action = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://desk.test/years/2061", { method: "POST", body, headers: { "next-action": "7f00", host: "desk.test", ...headers } });
const withLength = (body: string, headers: Record<string, string> = {}) =>
  action(body, { "content-type": "text/plain;charset=UTF-8", "content-length": String(Buffer.byteLength(body)), ...headers });
const statusOf = async (request: Request) => (await refuseBadServerAction(request))?.status ?? "passed";

describe("server action posts before Next decodes them", () => {
  it("lets an ordinary same-origin action through, and ignores requests that are not actions", async () => {
    expect(await statusOf(withLength('[{"year":2061}]', { origin: "http://desk.test" }))).toBe("passed");
    expect(await statusOf(new Request("http://desk.test/years/2061", { method: "POST", body: "x" }))).toBe("passed");
  });

  it("refuses a foreign origin with 403, also behind a forged X-Forwarded-Host", async () => {
    expect(await statusOf(withLength("[]", { origin: "https://evil.example" }))).toBe(403);
    expect(await statusOf(withLength("[]", { origin: "https://evil.example", "x-forwarded-host": "evil.example" }))).toBe(403);
  });

  it("refuses a body over 1 MB with 413 and one without a length with 411, before reading it", async () => {
    expect(await statusOf(withLength("[]", { "content-length": String(25 * 1024 * 1024) }))).toBe(413);
    expect(await statusOf(withLength("x".repeat(ACTION_MAX_BYTES + 1)))).toBe(413);
    expect(await statusOf(action("[]", { "content-type": "text/plain" }))).toBe(411);
  });

  it("refuses deeply nested arguments with 400, as text or as a multipart field", async () => {
    const deep = "[".repeat(50_000) + "]".repeat(50_000);
    expect(await statusOf(withLength(deep))).toBe(400);
    const form = new FormData();
    form.append("1_$ACTION_ID", "x");
    form.append("0", deep);
    const encoded = new Request("http://desk.test/", { method: "POST", body: form });
    const bytes = await encoded.arrayBuffer();
    const multipart = new Request("http://desk.test/years/2061", {
      method: "POST",
      body: bytes,
      headers: { "next-action": "7f00", host: "desk.test", "content-type": encoded.headers.get("content-type")!, "content-length": String(bytes.byteLength) },
    });
    expect(await statusOf(multipart)).toBe(400);
  });
});
