import { DrizzleQueryError } from "drizzle-orm/errors";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

// The database as it is when PostgreSQL is down: every open and every query fails with the driver's words.
const refused = () => Object.assign(new Error("connect ECONNREFUSED 10.1.2.3:5432"), { code: "ECONNREFUSED", address: "10.1.2.3", port: 5432 });
const failedQuery = () => new DrizzleQueryError('select "id", "password_hash" from "users" where "email" = $1', ["typed.email@example.org"], refused());
const calls = vi.hoisted(() => ({ fail: (): unknown => new Error("unset") }));
vi.mock("@/db/client", () => ({
  getDb: () =>
    Promise.resolve({
      select: () => {
        throw calls.fail();
      },
      transaction: () => Promise.reject(calls.fail()),
    }),
  getOpened: () => Promise.reject(calls.fail()),
  databaseKind: () => "postgres",
}));

const { GET: health } = await import("@/app/api/health/route");
const probe = new NextRequest("http://desk.test/api/health");
const { authorizeCredentials, SIGN_IN_UNAVAILABLE } = await import("@/server/auth/credentials");

const LEAKS = [/ECONNREFUSED/, /10\.1\.2\.3/, /5432/, /select/i, /typed\.email/, /password_hash/];

describe("with the database down, anonymous visitors see no internals", () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
  afterEach(() => logged.mockClear());

  it("the health check says the database cannot be reached, and nothing else", async () => {
    calls.fail = refused;
    const response = await health(probe, { params: Promise.resolve({}) });
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      status: "unavailable",
      database: "postgres",
      error: { code: "unavailable", message: "The postgres database cannot be reached" },
    });
    for (const leak of LEAKS) expect(text).not.toMatch(leak);
    expect(logged).toHaveBeenCalled();
  });

  it("the sign-in form's message names the cause without the failed query or the typed email", async () => {
    calls.fail = failedQuery;
    const attempt = authorizeCredentials({ email: "typed.email@example.org", password: "anything at all" }, new Headers());
    await expect(attempt).rejects.toThrow(SIGN_IN_UNAVAILABLE);
    const message = await attempt.catch((error: Error) => error.message);
    for (const leak of LEAKS) expect(message).not.toMatch(leak);
    expect(logged).toHaveBeenCalled();
  });
});
