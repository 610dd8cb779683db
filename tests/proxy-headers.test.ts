import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

describe("proxy.ts on a page request", () => {
  it("reports its own time in Server-Timing and still hands the page a fresh CSP nonce", async () => {
    const response = await proxy(new NextRequest("http://desk.test/years/2023"));
    expect(response.headers.get("server-timing")).toMatch(/^proxy;dur=\d+\.\d{2}$/);
    const policy = response.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    // Next reads the request headers the proxy passes on from x-middleware-request-*.
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    const again = await proxy(new NextRequest("http://desk.test/years/2023"));
    expect(again.headers.get("content-security-policy")).not.toContain(nonce);
  });
});
