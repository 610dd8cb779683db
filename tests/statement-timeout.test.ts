import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openPostgres } from "@/db/connect";
import { toErrorResponse } from "@/server/api/respond";
import { isStatementTimeout } from "@/lib/errors";

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("statement timeout on PostgreSQL", () => {
  it("cancels a statement that runs too long and answers 503 with a clear message, freeing the connection", async () => {
    const opened = await openPostgres(url!, { poolSize: 1, statementTimeoutMs: 200 });
    try {
      const error = await opened.db.execute(sql`select pg_sleep(5)`).then(
        () => null,
        (e: unknown) => e,
      );
      // PostgreSQL's own "canceling statement due to statement timeout" proves the cancellation:
      // pg_sleep(5) ends without error otherwise. No clock needed (decision 008).
      expect(isStatementTimeout(error)).toBe(true);
      const response = toErrorResponse(error);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: { code: "timeout", message: expect.stringMatching(/took too long/) } });
      // The single pooled connection is usable again.
      await expect(opened.ping()).resolves.toBeUndefined();
    } finally {
      await opened.close();
    }
  });
});
