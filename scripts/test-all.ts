/**
 * `npm test`: every suite, one summary. Unit and integration tests (vitest: PGlite always,
 * PostgreSQL too when TEST_DATABASE_URL is set), then the production build and the
 * Playwright suite in Chromium. Ends with the line `N passed, N failed` that CI reads.
 *
 *   SKIP_E2E=1   only the vitest suites
 *   SKIP_BUILD=1 reuse an existing .next build for the end-to-end run even if sources changed
 *
 * The build is skipped on its own when `.next` is newer than every file it is built from.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

type Tally = { suite: string; passed: number; failed: number; skipped: number; ok: boolean };

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Tests, docs and scripts are not part of the build; everything else git tracks may be. */
function buildIsCurrent(): boolean {
  const built = ["/.next/BUILD_ID", "/.next/pglite-template.tar"].map((f) => fs.statSync(process.cwd() + f, { throwIfNoEntry: false })?.mtimeMs ?? 0);
  const builtAt = Math.min(...built);
  if (builtAt === 0) return false;
  const listed = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" });
  if (listed.status !== 0) return false;
  const notBuilt = /^(e2e|tests|docs|scripts|test-results|\.ci)\/|\.test\.ts$|\.md$/;
  return listed.stdout
    .split("\n")
    .filter((f) => f && !notBuilt.test(f))
    .every((f) => (fs.statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < builtAt);
}

fs.mkdirSync("test-results", { recursive: true });
const tallies: Tally[] = [];

{
  const out = "test-results/unit.json";
  fs.rmSync(out, { force: true });
  const code = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${out}`]);
  const report = readJson(out) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | null;
  tallies.push({
    suite: "unit+integration",
    passed: report?.numPassedTests ?? 0,
    failed: report ? report.numFailedTests : 1,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
    ok: code === 0 && report !== null,
  });
}

if (!process.env.SKIP_E2E) {
  const current = buildIsCurrent();
  if (current) console.log("== .next is newer than every source file: reusing the build");
  const buildCode = process.env.SKIP_BUILD || current ? 0 : run("npm", ["run", "build"]);
  if (buildCode !== 0) {
    tallies.push({ suite: "e2e (build failed)", passed: 0, failed: 1, skipped: 0, ok: false });
  } else {
    const out = "test-results/e2e.json";
    fs.rmSync(out, { force: true });
    const code = run("npx", ["playwright", "test"], { CI: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    const report = readJson(out) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | null;
    tallies.push({
      suite: "e2e",
      passed: (report?.stats.expected ?? 0) + (report?.stats.flaky ?? 0),
      failed: report ? report.stats.unexpected : 1,
      skipped: report?.stats.skipped ?? 0,
      ok: code === 0 && report !== null,
    });
  }
}

for (const t of tallies) {
  console.log(`${t.suite}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped${t.ok ? "" : " (suite failed)"}`);
}
const passed = tallies.reduce((n, t) => n + t.passed, 0);
// A suite that crashed before reporting counts as a failure even with no failed test.
const failed = tallies.reduce((n, t) => n + (t.ok ? t.failed : Math.max(1, t.failed)), 0);
const skipped = tallies.reduce((n, t) => n + t.skipped, 0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && tallies.every((t) => t.ok) ? 0 : 1);
