import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type * as Guard from "@/server/auth/guard";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

// The guard's two doors to the outside world: who is calling, and the database.
const calls = vi.hoisted(() => ({ actor: null as Actor | null, db: (): Promise<unknown> => Promise.resolve({}), hops: 0 }));
vi.mock("@/db/client", () => ({ getDb: () => calls.db() }));
vi.mock("@/lib/env", async (importOriginal) => ({ ...(await importOriginal<object>()), getTrustedProxyHops: () => calls.hops }));
vi.mock("@/server/auth/guard", async (importOriginal) => ({
  ...(await importOriginal<typeof Guard>()),
  resolveActor: () => Promise.resolve(calls.actor),
}));

const { testRoute: apiRoute } = await import("@/tests/support/operation-route");

const editor: Actor = { id: 1, email: "e@example.org", name: "E", role: "editor", via: "token" };
const context = { params: Promise.resolve({}) };
const put = (body?: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new NextRequest("http://desk.test/api/v1/thing", { method: "PUT", headers, body });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;

describe("apiRoute", () => {
  const handler = vi.fn(() => Promise.resolve({ done: true }));
  const route = apiRoute({ permission: "values:write", body: z.object({ value: z.number().max(10, "Value must be at most 10") }) }, handler);

  beforeEach(() => {
    calls.actor = editor;
    calls.db = () => Promise.resolve({});
    calls.hops = 0;
    handler.mockClear();
  });

  it("gives the handler the caller's address, believed only through a trusted proxy, beside db and actor", async () => {
    const seen = vi.fn((ctx: { ip: string | null; actor: Actor }) => Promise.resolve({ ip: ctx.ip, actor: ctx.actor.id }));
    const read = apiRoute({ permission: "read" }, seen);
    const get = () => new NextRequest("http://desk.test/api/v1/thing", { headers: { "x-forwarded-for": "198.51.100.7, 203.0.113.9" } });
    expect(await (await read(get(), context)).json()).toEqual({ ip: null, actor: 1 });
    calls.hops = 1;
    expect(await (await read(get(), context)).json()).toEqual({ ip: "203.0.113.9", actor: 1 });
  });

  it("answers 401 without a caller and 403 for a role without the permission, before reading the body", async () => {
    calls.actor = null;
    expect((await route(put("{"), context)).status).toBe(401);
    calls.actor = { ...editor, role: "viewer" };
    expect((await route(put('{"value": 1}'), context)).status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a cookie write without our Origin, and lets the same write through with it or with a token", async () => {
    calls.actor = { ...editor, via: "session" };
    const json = { "content-type": "application/json", host: "desk.test" };
    expect((await route(put('{"value": 1}', json), context)).status).toBe(403);
    expect((await route(put('{"value": 1}', { ...json, origin: "https://evil.test" }), context)).status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
    expect((await route(put('{"value": 1}', { ...json, origin: "http://desk.test" }), context)).status).toBe(200);
    calls.actor = editor;
    expect((await route(put('{"value": 1}', json), context)).status).toBe(200);
  });

  it("does not believe a forged X-Forwarded-Host without TRUSTED_PROXY", async () => {
    calls.actor = { ...editor, via: "session" };
    const forged = { "content-type": "application/json", host: "desk.test", origin: "https://evil.test", "x-forwarded-host": "evil.test" };
    expect((await route(put('{"value": 1}', forged), context)).status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
  });

  it("maps bad bodies to 400, 413, 415 and 422 with fields, without calling the handler", async () => {
    expect(await errorOf(await route(put("{"), context))).toMatchObject({ code: "bad_request" });
    expect((await route(put(""), context)).status).toBe(400);
    expect((await route(put('{"value": 1}', { "content-type": "text/plain" }), context)).status).toBe(415);
    expect((await route(put(JSON.stringify({ value: 1, pad: "x".repeat(1_000_001) })), context)).status).toBe(413);
    // 600,000 characters but 1.2 MB: the limit is on bytes.
    expect((await route(put(JSON.stringify({ value: 1, pad: "é".repeat(600_000) })), context)).status).toBe(413);
    // A declared length over the limit is refused without reading the body.
    expect((await route(put('{"value": 1}', { "content-type": "application/json", "content-length": "5000000" }), context)).status).toBe(413);
    const invalid = await route(put('{"value": 11}'), context);
    expect(invalid.status).toBe(422);
    expect(await errorOf(invalid)).toEqual({ code: "validation", message: expect.any(String), fields: { value: "Value must be at most 10" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a NUL byte anywhere in the body with 422 naming its path, and deep nesting with 400", async () => {
    const nul = await route(put(JSON.stringify({ value: 1, note: "a\u0000b" })), context);
    expect(nul.status).toBe(422);
    expect(await errorOf(nul)).toMatchObject({ code: "validation", fields: { note: expect.stringContaining("NUL") } });
    const nested = await route(put(JSON.stringify({ value: 1, tags: [{ more: ["\u0000"] }] })), context);
    expect(await errorOf(nested)).toMatchObject({ fields: { "tags.0.more.0": expect.any(String) } });
    expect((await route(put(`{"value": 1, "deep": ${"[".repeat(2_000)}${"]".repeat(2_000)}}`), context)).status).toBe(400);
    expect(handler).not.toHaveBeenCalled();
  });

  it("sets the API's own security headers, HSTS only when the request came over https", async () => {
    const read = apiRoute({ permission: "read" }, () => Promise.resolve({ ok: true }));
    const plain = await read(new NextRequest("http://desk.test/api/v1/thing", { headers: { "x-forwarded-proto": "https" } }), context);
    expect(plain.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const secure = await read(new NextRequest("https://desk.test/api/v1/thing"), context);
    expect(secure.headers.get("strict-transport-security")).toContain("max-age=");
    calls.actor = null;
    const refused = await read(new NextRequest("https://desk.test/api/v1/thing"), context);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("answers 503 when the database cannot be reached or a statement times out, 500 without internals otherwise", async () => {
    calls.db = () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
    vi.spyOn(console, "error").mockImplementationOnce(() => undefined);
    const down = await route(put('{"value": 1}'), context);
    expect(down.status).toBe(503);
    expect(await errorOf(down)).toMatchObject({ code: "unavailable" });
    calls.db = () => Promise.resolve({});

    const failing = (error: unknown) => apiRoute({ permission: "read" }, () => Promise.reject(error));
    const get = new NextRequest("http://desk.test/api/v1/thing");
    expect((await failing(Object.assign(new Error("canceling statement"), { code: "57014" }))(get, context)).status).toBe(503);
    expect((await failing(new AppError("locked", "The year is locked"))(get, context)).status).toBe(423);
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const crash = await failing(new Error("secret table detail"))(get, context);
    expect(crash.status).toBe(500);
    expect(JSON.stringify(await crash.json())).not.toContain("secret table detail");
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});
