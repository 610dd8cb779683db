import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Runs the real CLI (`npm run cli -- …`) as a newcomer would, on its own DATA_DIR. */
function cli(dataDir: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/cli.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

// Each call starts Node, tsx and (for most) the embedded database: seconds each, more on a busy machine.
describe("CLI on an empty DATA_DIR", { timeout: 180_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rd-cli-"));

  it("creates a user (password from $PASSWORD) after creating, migrating and seeding the database", () => {
    const r = cli(dataDir, ["user:create", "--email", "Eve@Example.org", "--name", "Eve", "--role", "editor"], {
      PASSWORD: "juniper lighthouse over frozen bay",
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Created editor eve@example.org \(id \d+\)$/);
  });

  it("prints a new API token alone on the last line", () => {
    const r = cli(dataDir, ["token:create", "--email", "eve@example.org"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.at(-1)).toMatch(/^rd_[A-Za-z0-9_-]{43}$/);
    const again = cli(dataDir, ["token:create", "--email", "eve@example.org"]);
    expect(again.stdout.split("\n").at(-1)).not.toBe(lines.at(-1));
  });

  it("exits non-zero with a one-line reason on bad input", () => {
    const weak = cli(dataDir, ["user:create", "--email", "x@example.org", "--name", "X", "--role", "editor"], { PASSWORD: "short" });
    expect(weak.code).not.toBe(0);
    expect(weak.stderr.split("\n")).toHaveLength(1);
    expect(weak.stderr).toMatch(/password: Password must be at least 12 characters/);

    const role = cli(dataDir, ["user:create", "--email", "y@example.org", "--name", "Y", "--role", "boss"], { PASSWORD: "juniper lighthouse over frozen bay" });
    expect(role.code).not.toBe(0);
    expect(role.stderr).toMatch(/role: Role must be one of admin, editor, reviewer, viewer/);

    const duplicate = cli(dataDir, ["user:create", "--email", "eve@example.org", "--name", "Eve", "--role", "viewer"], {
      PASSWORD: "juniper lighthouse over frozen bay",
    });
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toMatch(/already exists/);

    const unknown = cli(dataDir, ["token:create", "--email", "nobody@example.org"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toBe("error: No active user with the email nobody@example.org");

    const command = cli(dataDir, ["user:delete"]);
    expect(command.code).not.toBe(0);
    expect(command.stderr).toMatch(/Unknown command user:delete/);
  });
});
