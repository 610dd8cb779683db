import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests run in Chromium against the production build (`next start`) on a fresh
 * embedded database. Debian's Chromium is used where it exists (CI, these machines);
 * elsewhere Playwright's own browser.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATA_DIR = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "report-desk-e2e-"));
process.env.E2E_DATA_DIR = DATA_DIR;
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/e2e",
  fullyParallel: false,
  workers: 1,
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
    { name: "first-run", testMatch: /first-run\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      dependencies: ["first-run"],
      testIgnore: [/first-run\.setup\.ts/, /faults\.spec\.ts/, /large-catalogue\.spec\.ts/],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } },
    },
    // Starts and kills its own servers and databases; independent of the shared one.
    { name: "faults", testMatch: /faults\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    // Its own server on a database with more figures than the shared one may hold.
    { name: "large-catalogue", testMatch: /large-catalogue\.spec\.ts/, use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } } },
  ],
  webServer: {
    command: "npx next start -H 127.0.0.1",
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { PORT: String(PORT), DATA_DIR, NODE_ENV: "production", DATABASE_URL: "" },
    stdout: "pipe",
    stderr: "pipe",
  },
});
