import { describe, expect, it } from "vitest";
import { readForwarded } from "./client-ip";

const headers = (h: Record<string, string>) => new Headers(h);

describe("readForwarded", () => {
  it("without TRUSTED_PROXY, believes no forwarded header: no address, the Host as sent", () => {
    const forged = headers({
      host: "desk.example.org",
      "x-forwarded-for": "203.0.113.7",
      "x-real-ip": "203.0.113.8",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    });
    expect(readForwarded(forged, 0)).toEqual({ address: null, host: "desk.example.org", https: false });
  });

  it("with one trusted proxy, takes the right-most address, which that proxy wrote", () => {
    const h = headers({ host: "app:3000", "x-forwarded-for": "1.1.1.1, 198.51.100.4", "x-forwarded-host": "desk.example.org", "x-forwarded-proto": "https" });
    expect(readForwarded(h, 1)).toEqual({ address: "198.51.100.4", host: "desk.example.org", https: true });
  });

  it("with two, the second from the right; a chain shorter than the proxies gives no address", () => {
    const h = headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.2" });
    expect(readForwarded(h, 2).address).toBe("198.51.100.4");
    expect(readForwarded(headers({ "x-forwarded-for": "10.0.0.2" }), 2).address).toBeNull();
    expect(readForwarded(headers({ "x-forwarded-for": "not an address" }), 1).address).toBeNull();
  });

  it("https comes from the URL itself when no trusted proxy speaks", () => {
    expect(readForwarded(headers({}), 0, "https:").https).toBe(true);
    expect(readForwarded(headers({ "x-forwarded-proto": "https" }), 0, "http:").https).toBe(false);
  });
});
