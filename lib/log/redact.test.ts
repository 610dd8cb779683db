import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { installLogRedaction, redactForLog } from "./redact";

const HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
const failed = () =>
  new DrizzleQueryError(
    'insert into "users" ("email", "password_hash") values ($1, $2)',
    ["eve@example.org", HASH],
    Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
  );

describe("log redaction", () => {
  it("keeps the statement and drops the parameters from message and stack", () => {
    const redacted = redactForLog(failed()) as Error;
    expect(redacted.message).toContain('insert into "users"');
    expect(`${redacted.message}\n${redacted.stack}`).not.toContain(HASH);
    expect(`${redacted.message}\n${redacted.stack}`).not.toContain("eve@example.org");
    expect((redacted.cause as { code?: string }).code).toBe("ECONNREFUSED");
    expect(redacted).not.toHaveProperty("params");
  });

  it("keeps what operators need (code, digest) and drops PostgreSQL's detail, which quotes values", () => {
    const unique = Object.assign(new Error('duplicate key value violates unique constraint "api_tokens_token_hash_unique"'), {
      code: "23505",
      detail: "Key (token_hash)=(9f86d081884c7d65) already exists.",
    });
    const rendered = Object.assign(new DrizzleQueryError("insert into api_tokens …", ["9f86d081884c7d65"], unique), { digest: "3394498064" });
    const redacted = redactForLog(rendered) as Error & { digest?: string; cause: Error & { code?: string } };
    expect(redacted.digest).toBe("3394498064");
    expect(redacted.cause.code).toBe("23505");
    expect(JSON.stringify({ ...redacted, cause: { ...redacted.cause } })).not.toContain("9f86d081884c7d65");
    expect(`${redacted.message}${redacted.stack}${redacted.cause.message}`).not.toContain("9f86d081884c7d65");
  });

  it("redacts what goes through console.error once installed", () => {
    const lines: string[] = [];
    const logger = {
      error: (...args: unknown[]) => lines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(" ")),
      warn: () => undefined,
    };
    installLogRedaction(logger);
    installLogRedaction(logger);
    const error = failed();
    logger.error("[api] unexpected error:", error);
    logger.error(error.message);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toContain("Failed query");
      expect(line).not.toContain(HASH);
    }
  });
});
