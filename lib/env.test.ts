import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "./env";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "rd-env-"));

describe("loadEnv", () => {
  it("defaults to the embedded database in ./.data and generates a secret kept beside it", () => {
    const dir = tmp();
    const env = loadEnv({ NODE_ENV: "production", DATA_DIR: dir });
    expect(env.databaseKind).toBe("pglite");
    expect(env.port).toBe(3000);
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
    // Same secret on the next start: sessions survive restarts.
    expect(loadEnv({ NODE_ENV: "production", DATA_DIR: dir }).authSecret).toBe(env.authSecret);
  });

  it("refuses to start in production on PostgreSQL without AUTH_SECRET, in one line", () => {
    const start = () => loadEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://x@localhost/db", DATA_DIR: tmp() });
    expect(start).toThrow(EnvError);
    expect(start).toThrow(/^AUTH_SECRET is missing: .*$/);
  });

  it("refuses a short AUTH_SECRET in production on PostgreSQL", () => {
    expect(() => loadEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://x@localhost/db", AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET is too short/);
  });

  it("accepts NEXTAUTH_SECRET as the secret", () => {
    const secret = "s".repeat(40);
    const env = loadEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://x@localhost/db", NEXTAUTH_SECRET: secret });
    expect(env.databaseKind).toBe("postgres");
    expect(env.authSecret).toBe(secret);
  });

  it("names a bad setting", () => {
    expect(() => loadEnv({ DATABASE_URL: "mysql://x", DATA_DIR: tmp() })).toThrow(/DATABASE_URL/);
    expect(() => loadEnv({ PORT: "http", DATA_DIR: tmp() })).toThrow(/PORT/);
  });

  it("reads TRUSTED_PROXY as a number of proxies, 0 when unset, and refuses anything else", () => {
    expect(loadEnv({ DATA_DIR: tmp() }).trustedProxyHops).toBe(0);
    expect(loadEnv({ DATA_DIR: tmp(), TRUSTED_PROXY: "2" }).trustedProxyHops).toBe(2);
    expect(() => loadEnv({ DATA_DIR: tmp(), TRUSTED_PROXY: "yes" })).toThrow(/TRUSTED_PROXY must be the number of proxies/);
    expect(() => loadEnv({ DATA_DIR: tmp(), TRUSTED_PROXY: "11" })).toThrow(EnvError);
  });
});
