import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installMethodGuard } from "./method-guard";

function send(port: number, method: string): Promise<{ status: number; body: string; allow?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: "/login" }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, allow: res.headers.allow }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the HTTP method guard", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    installMethodGuard();
    // Stands for Next: TRACE reaching it would be a 500.
    server = http.createServer((req, res) => {
      res.statusCode = req.method === "TRACE" ? 500 : 200;
      res.end("app");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(["TRACE", "PROPFIND", "MKCOL", "LOCK"])("answers %s with 405 and the methods allowed, before the app", async (method) => {
    const answer = await send(port, method);
    expect(answer.status).toBe(405);
    expect(answer.allow).toContain("GET");
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "method_not_allowed" } });
  });

  it.each(["GET", "POST", "PUT", "DELETE", "OPTIONS"])("lets %s through to the app", async (method) => {
    expect((await send(port, method)).status).toBe(200);
  });
});
