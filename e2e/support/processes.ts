import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { NEXT_START_ARGS } from "./next-start";

/**
 * Fault tests start their own servers and databases so they can kill them without
 * disturbing the shared e2e server.
 */
export type AppServer = { url: string; process: ChildProcess; output: () => string; stop: () => Promise<void> };

/** A port nothing listens on now: fixed ports would collide with another checkout's suite. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let logDir: string | null = null;

/** One folder of server output for this worker, removed when it exits. */
function appLogDir(): string {
  if (logDir) return logDir;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rd-e2e-apps-"));
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return (logDir = dir);
}

/**
 * Its output goes to a file, not a pipe: a server left behind by a worker that ended mid-test
 * would otherwise log its broken pipe in a loop at a whole core (as the benchmarks' did,
 * scripts/bench/server.ts).
 */
export function startApp(port: number, env: Record<string, string>): AppServer {
  const logFile = path.join(appLogDir(), `${port}-${Date.now()}.log`);
  const out = fs.openSync(logFile, "a");
  const child = spawn("npx", [...NEXT_START_ARGS, "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "", REPORT_DESK_CHECK_RESPONSES: "1", ...env },
    stdio: ["ignore", out, out],
    detached: true,
  });
  fs.closeSync(out);
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    output: () => fs.readFileSync(logFile, "utf8"),
    stop: () => killGroup(child, "SIGTERM"),
  };
}

/** npx starts next as a child: signal the whole process group. */
export async function killGroup(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid!, signal);
  } catch {
    return;
  }
  await exited;
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const why = last instanceof Error ? `: ${last.message}` : last === undefined ? "" : `: ${JSON.stringify(last)}`;
  throw new Error(`timed out waiting for ${what}${why}`);
}

export async function health(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  // A server stuck at a fault point holds requests open: give up rather than hang the test.
  const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const PG_BIN = fs.existsSync("/usr/lib/postgresql") ? path.join("/usr/lib/postgresql", fs.readdirSync("/usr/lib/postgresql").sort().at(-1)!, "bin") : "";

export const canRunPostgresCluster = PG_BIN !== "" && fs.existsSync(path.join(PG_BIN, "initdb"));

/** A throwaway PostgreSQL cluster of our own, so a test can stop and start it. */
export function createCluster(port: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rd-pg-"));
  fs.chmodSync(dir, 0o777);
  const asPostgres = (bin: string, args: string[]) => {
    // PostgreSQL refuses to run as root; CI runs as root.
    const cmd = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", path.join(PG_BIN, bin), ...args]] : [path.join(PG_BIN, bin), args];
    const r = spawnSync(cmd[0] as string, cmd[1] as string[], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${bin} failed: ${r.stderr || r.stdout}`);
  };
  const data = path.join(dir, "data");
  asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => asPostgres("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]),
    stop: () => asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
