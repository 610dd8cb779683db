import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { openPostgres } from "./connect";
import { runMigrations } from "./migrate";

const adminUrl = process.env.TEST_DATABASE_URL;

// Several servers started at once on one new PostgreSQL database (a deploy of two instances)
// each migrate it: all must start, and every migration must be applied exactly once.
describe.runIf(adminUrl)("migrations on PostgreSQL", () => {
  it("apply once when several processes start at the same moment", async () => {
    const name = `rd_test_migrate_${randomBytes(5).toString("hex")}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    const servers = await Promise.all(Array.from({ length: 4 }, () => openPostgres(url.toString(), { poolSize: 2 })));
    try {
      const results = await Promise.allSettled(servers.map((s) => runMigrations(s)));
      expect(results.filter((r) => r.status === "rejected").map((r) => String(r.reason))).toEqual([]);
      const applied = await servers[0]!.pool!.query(`select hash, count(*)::int n from drizzle.__drizzle_migrations group by hash`);
      expect(applied.rows.length).toBeGreaterThan(0);
      expect(applied.rows.every((r: { n: number }) => r.n === 1)).toBe(true);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
