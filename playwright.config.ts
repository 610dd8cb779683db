import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";
import { NEXT_START_ARGS } from "./e2e/support/next-start";

/**
 * End-to-end tests run in Chromium against the production build (`next start`) on a fresh
 * embedded database. Debian's Chromium is used where it exists (CI, these machines);
 * elsewhere Playwright's own browser.
 */
// A free port unless E2E_PORT names one, so two checkouts can run their suites at once. Set in
// the environment, as DATA_DIR below is, so that the workers Playwright starts use the same.
const PORT = Number(process.env.E2E_PORT ?? freePortNow());
process.env.E2E_PORT = String(PORT);
const DATA_DIR = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "report-desk-e2e-"));
process.env.E2E_DATA_DIR = DATA_DIR;
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export const baseURL = `http://127.0.0.1:${PORT}`;

// One worker unless E2E_WORKERS asks for more: on the 2-core machines two were not faster (decision 031).
const WORKERS = Number(process.env.E2E_WORKERS ?? 1);

/**
 * Specs that must not share the server with another spec running: api-matrix and api-bad-input
 * prove "nothing changed" by comparing every year, user and token; admin and hardening add
 * metrics, which every open year's page shows until they are archived.
 */
const WHOLE_SERVER_SPECS = [/api-matrix\.spec\.ts/, /api-bad-input\.spec\.ts/, /admin\.spec\.ts/, /hardening\.spec\.ts/];

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/e2e",
  // With E2E_WORKERS above 1, spec files run side by side, each file's tests in order in one
  // worker; the specs keep to years of their own (decision 031).
  fullyParallel: false,
  workers: WORKERS,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // Creates the first admin, then signs each role in through the form once and keeps their states.
    { name: "first-run", testMatch: /first-run\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      dependencies: ["first-run"],
      testIgnore: [/first-run\.setup\.ts/, /faults\.spec\.ts/, /large-catalogue\.spec\.ts/, ...WHOLE_SERVER_SPECS],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } },
    },
    // One file at a time, and in a parallel run after all the others: these compare the whole
    // server before and after a call (every year, user and token) or change the metric catalogue
    // every year page shows. Only then do they wait for "chromium": a dependency runs whole
    // whatever files are named, and a run of a few named files is one worker anyway.
    {
      name: "chromium-alone",
      dependencies: WORKERS > 1 ? ["chromium"] : ["first-run"],
      testMatch: WHOLE_SERVER_SPECS,
      workers: 1,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } },
    },
    // Starts and kills its own servers and databases; independent of the shared one.
    { name: "faults", testMatch: /faults\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    // Its own server on a database with more figures than the shared one may hold.
    { name: "large-catalogue", testMatch: /large-catalogue\.spec\.ts/, use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } } },
  ],
  webServer: {
    command: ["npx", ...NEXT_START_ARGS].join(" "),
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    // Every JSON answer is checked against its documented schema (server/check-response.ts).
    env: { PORT: String(PORT), DATA_DIR, NODE_ENV: "production", DATABASE_URL: "", REPORT_DESK_CHECK_RESPONSES: "1" },
    stdout: "pipe",
    stderr: "pipe",
  },
});

/** The config is read synchronously: ask a short-lived node for a port the system has free. */
function freePortNow(): number {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim());
}
