import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { canRunPostgresCluster, createCluster, freePort, health, killGroup, startApp, waitFor, type AppServer } from "./support/processes";

const SECRET = "fault-test-secret-0123456789abcdefghijklmnop";

/** Waits until the server stops at the named fault point (db/commands/fault-point.ts), transaction open. */
async function reachFaultPoint(app: AppServer, name: string): Promise<void> {
  await waitFor(async () => (app.output().includes(`[fault-point] ${name}`) ? true : undefined), 60_000, `the fault point "${name}"`);
}

/** What a killed server's embedded database kept (scripts/faults/count-writes.ts); run while no server has it open. */
function countWrites(dataDir: string): { signInAttempts: number; audit: Record<string, number> } {
  const counted = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/faults/count-writes.ts"], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    timeout: 60_000,
  });
  expect(counted.status, counted.stderr).toBe(0);
  return JSON.parse(counted.stdout.trim().split("\n").at(-1)!) as { signInAttempts: number; audit: Record<string, number> };
}

test.describe("faults", () => {
  test.describe.configure({ timeout: 120_000 });

  test("with PostgreSQL stopped, health says 503 and pages show an error; when it is back the app recovers without a restart", async ({ page }) => {
    test.skip(!canRunPostgresCluster, "needs PostgreSQL's server binaries");
    const cluster = createCluster(await freePort());
    cluster.start();
    const app = startApp(await freePort(), { DATABASE_URL: cluster.url, AUTH_SECRET: SECRET });
    try {
      await waitFor(async () => ((await health(app.url)).status === 200 ? true : undefined), 60_000, "the app on PostgreSQL");
      expect((await health(app.url)).body).toEqual({ status: "ok", database: "postgres" });

      cluster.stop();
      const down = await health(app.url);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ error: { code: "unavailable", message: expect.stringMatching(/postgres database cannot be reached/) } });
      // Anyone may read these: no driver words, host or port (they go to the server log).
      const leaks = /ECONNREFUSED|127\.0\.0\.1|localhost|:\d{4,5}\b|select |insert /i;
      expect(JSON.stringify(down.body)).not.toMatch(leaks);
      await page.goto(`${app.url}/login`);
      await expect(page.getByRole("heading", { name: "This page could not be loaded" })).toBeVisible();
      expect(await page.locator("body").innerText()).not.toMatch(leaks);

      cluster.start();
      await waitFor(async () => ((await health(app.url)).status === 200 ? true : undefined), 30_000, "recovery");
      await page.getByRole("button", { name: "Try again" }).click();
      // No users on this fresh database: the app leads to first-run set-up again.
      await expect(page).toHaveURL(/\/setup$/);
    } finally {
      await app.stop();
      try {
        cluster.stop();
      } catch {
        // Already stopped.
      }
      cluster.remove();
    }
  });

  test("in production on PostgreSQL without AUTH_SECRET, start-up stops with one clear line", async () => {
    const app = startApp(await freePort(), { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/postgres", AUTH_SECRET: "", NEXTAUTH_SECRET: "" });
    const code = await new Promise<number | null>((resolve) => app.process.once("exit", (c) => resolve(c)));
    expect(code).not.toBe(0);
    const lines = app
      .output()
      .split("\n")
      .filter((l) => l.includes("Report Desk cannot start"));
    expect(lines).toEqual([expect.stringMatching(/^Report Desk cannot start: AUTH_SECRET is missing: .*AUTH_SECRET.*32/)]);
  });

  test("the embedded database survives SIGKILL and restarts clean", async ({ request }) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rd-kill-"));
    const doomed = startApp(await freePort(), { DATA_DIR: dataDir, REPORT_DESK_FAULT_POINT: "audit:sign_in_failed" });
    try {
      await waitFor(async () => ((await health(doomed.url)).status === 200 ? true : undefined), 60_000, "the embedded app");
      // Writes in flight when the process dies: failed sign-ins append attempts and audit rows.
      // The first stops inside its transaction, after its audit row, and says so; the rest queue.
      // next-auth answers a post without its CSRF token before it reaches the database.
      const { csrfToken } = (await (await request.get(`${doomed.url}/api/auth/csrf`)).json()) as { csrfToken: string };
      const inFlight = Array.from({ length: 20 }, (_, i) =>
        request
          .post(`${doomed.url}/api/auth/callback/credentials`, { form: { csrfToken, email: `x${i}@example.org`, password: "wrong password!" } })
          .catch(() => null),
      );
      await reachFaultPoint(doomed, "audit:sign_in_failed");
      await killGroup(doomed.process, "SIGKILL");
      await Promise.all(inFlight);
    } finally {
      // A server waiting at its fault point would wait out a SIGTERM.
      await killGroup(doomed.process, "SIGKILL");
    }
    // Killed between its audit row and its commit, the paused sign-in kept nothing, and the
    // queued ones never got their turn: not one attempt or failure row survives.
    const kept = countWrites(dataDir);
    expect(kept.signInAttempts, "sign-in attempts kept").toBe(0);
    expect(kept.audit.sign_in_failed ?? 0, "failed sign-ins in the audit log").toBe(0);

    const app = startApp(await freePort(), { DATA_DIR: dataDir });
    try {
      await waitFor(async () => ((await health(app.url)).status === 200 ? true : undefined), 60_000, "restart after SIGKILL");
      expect((await health(app.url)).body).toEqual({ status: "ok", database: "pglite" });
      const login = await request.get(`${app.url}/login`, { maxRedirects: 0 });
      // Still no users: the app sends people to set-up, which renders.
      expect(login.status()).toBe(307);
      expect((await request.get(`${app.url}/setup`)).status()).toBe(200);
    } finally {
      await app.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test("a server killed with SIGKILL in the middle of a 10,000-row import, before its commit, leaves none of its rows", async ({ request }) => {
    const ROWS = 10_000;
    const YEAR = 1990; // the year scripts/bench/dataset.ts addBulkMetrics fills with zeros
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rd-import-kill-"));
    const prepared = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/faults/prepare-import.ts", String(ROWS)], {
      encoding: "utf8",
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
      timeout: 120_000,
    });
    expect(prepared.status, prepared.stderr).toBe(0);
    const token = prepared.stdout.trim().split("\n").at(-1)!;
    const auth = { Authorization: `Bearer ${token}` };
    const csv = ["metric_key,value,note", ...Array.from({ length: ROWS }, (_, i) => `bulk_m${String(i + 1).padStart(5, "0")},${i + 1},imported`)].join("\n");

    let app = startApp(await freePort(), { DATA_DIR: dataDir, REPORT_DESK_FAULT_POINT: "audit:import_applied" });
    try {
      await waitFor(async () => ((await health(app.url)).status === 200 ? true : undefined), 60_000, "the embedded app");
      const importing = request
        .post(`${app.url}/api/v1/years/${YEAR}/import?filename=big.csv`, { headers: { ...auth, "Content-Type": "text/csv" }, data: csv, timeout: 60_000 })
        .catch(() => null);
      // The import's audit row is its last write: every row is written, nothing is committed yet.
      await reachFaultPoint(app, "audit:import_applied");
      await killGroup(app.process, "SIGKILL");
      await importing;

      app = startApp(await freePort(), { DATA_DIR: dataDir });
      await waitFor(async () => ((await health(app.url)).status === 200 ? true : undefined), 60_000, "restart after SIGKILL");
      const body = (await (await request.get(`${app.url}/api/v1/years/${YEAR}/values`, { headers: auth })).json()) as {
        values: { metricKey: string; value: number | null; note: string | null }[];
      };
      const bulk = body.values.filter((v) => v.metricKey.startsWith("bulk_m"));
      expect(bulk).toHaveLength(ROWS);
      // Killed before its commit, the import is rolled back whole.
      expect(
        bulk.filter((v) => v.note === "imported"),
        "rows of the killed import",
      ).toHaveLength(0);
      expect(bulk.every((v) => v.value === 0)).toBe(true);
    } finally {
      // SIGKILL: a server still waiting at its fault point would wait out a SIGTERM.
      await killGroup(app.process, "SIGKILL");
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
