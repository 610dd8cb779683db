/** Starts and stops the production build (`next start`), and the bare floor server, for the benchmark and the load test. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUILD_TEMPLATE } from "@/db/pglite-template";

export type Server = { url: string; child: ChildProcess; startedMs: number; log: () => string; stop: () => Promise<void> };

/** The `next` command of a checkout (this one unless said): its own version of Next.js runs its own build. */
const nextBin = (checkout: string) => path.join(checkout, "node_modules", "next", "dist", "bin", "next");

/** `next start` needs a build (and its PGlite template): the benchmark builds only when .next lacks one. */
export function ensureBuild(): void {
  const built = fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"));
  if (built && fs.existsSync(path.join(process.cwd(), BUILD_TEMPLATE))) return;
  console.log("No complete production build in .next: running `npm run build` first…");
  const r = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("npm run build failed");
}

/**
 * `next start` of the build in `checkout` (this one by default). Database settings: `{ DATABASE_URL }`
 * for PostgreSQL, `{ DATA_DIR }` for PGlite.
 */
export function startServer(port: number, env: Record<string, string>, checkout = process.cwd()): Server {
  return startProcess(
    [nextBin(checkout), "start", "-H", "127.0.0.1", "-p", String(port)],
    port,
    { NODE_ENV: "production", DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1", ...env },
    checkout,
  );
}

/** The bare node:http floor (scripts/bench/bare-http.ts) on a PostgreSQL database. */
export function startBareHttp(port: number, databaseUrl: string): Server {
  return startProcess(["--import", "tsx", path.join(process.cwd(), "scripts", "bench", "bare-http.ts")], port, {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
  });
}

/**
 * Every server this process started and has not stopped: they run in process groups of their
 * own, which a Ctrl-C of the benchmark does not reach, so they are ended when it exits.
 */
const running = new Set<ChildProcess>();
/** The run's folder of server output, made with its first server and removed at exit. */
let logDir: string | null = null;

/** Before the first server: the folder its output goes to, and what ends the servers with the benchmark. */
function prepareForServers(): string {
  if (logDir) return logDir;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rd-servers-"));
  process.once("exit", () => {
    for (const child of running) signalGroup(child, "SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  });
  // The exit codes a shell gives for these signals: 128 + 2 and 128 + 15.
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
  return (logDir = dir);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-child.pid!, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

/** `node <args>` as a server on `port`, in a process group of its own, its output kept for log(). */
export function startProcess(args: string[], port: number, env: Record<string, string>, cwd = process.cwd()): Server {
  // Output to a file, not a pipe: a server whose pipe has lost its reader (a benchmark killed
  // outright) fails to write, logs that failure, fails again, in a loop at a whole core (seen
  // 2026-12-07).
  const logFile = path.join(prepareForServers(), `${port}-${Date.now()}.log`);
  const out = fs.openSync(logFile, "a");
  const startedMs = performance.now();
  // Its own process group, so stop() ends it and anything it spawned, and nothing else.
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", out, out],
    detached: true,
  });
  fs.closeSync(out);
  running.add(child);
  child.once("exit", () => running.delete(child));
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    startedMs,
    log: () => fs.readFileSync(logFile, "utf8").slice(-20_000),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      if (!signalGroup(child, "SIGTERM")) return;
      const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Milliseconds from the spawn to the first `200` of /api/health. */
export async function waitHealthy(server: Server, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the server exited (code ${server.child.exitCode}):\n${server.log()}`);
    try {
      const r = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await r.arrayBuffer();
      if (r.status === 200) return performance.now() - server.startedMs;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs / 1000} s:\n${server.log()}`);
}

/**
 * The process's CPU time so far (user + system) and its memory, from /proc (Linux; null
 * elsewhere). CPU time is what a start-up costs whatever else the machine is doing: on a busy
 * shared machine its wall-clock time can be several times longer.
 */
export function processUsage(pid: number): { cpuMs: number; rssMb: number; peakRssMb: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(")").pop()!.trim().split(" ");
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    // Fields 14 and 15 of /proc/PID/stat (utime, stime), in clock ticks of 1/100 s on Linux.
    return { cpuMs: (Number(stat[11]) + Number(stat[12])) * 10, rssMb: kb("VmRSS") / 1024, peakRssMb: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/**
 * The CPU time so far (user + system) of every process whose command is `postgres`, from /proc
 * (Linux; null elsewhere): the server's backends and its own workers, wherever it runs on this
 * machine. Differences over a run say how much of the machine the database took.
 */
export function postgresCpuMs(): number | null {
  try {
    let total = 0;
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // ended meanwhile
      }
      if (!stat.includes("(postgres)")) continue;
      const fields = stat.split(")").pop()!.trim().split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * 10;
    }
    return total;
  } catch {
    return null;
  }
}

/**
 * How long, in µs so far, some runnable task of this machine waited for a core (Linux's pressure
 * stall information, `some` line of /proc/pressure/cpu; null where it is not kept). Its growth
 * over a run, as a share of the run, says how often the cores were contended, whoever held them.
 */
export function cpuPressureUs(): number | null {
  try {
    const some = /^some .*total=(\d+)/m.exec(fs.readFileSync("/proc/pressure/cpu", "utf8"));
    return some ? Number(some[1]) : null;
  } catch {
    return null;
  }
}

/** The machine's busy and total time so far over all its cores, in clock ticks (first line of /proc/stat; null elsewhere). */
export function machineTicks(): { busy: number; total: number } | null {
  try {
    const [, ...fields] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
    const n = fields.map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user and nice)
    const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - n[3]! - n[4]!, total };
  } catch {
    return null;
  }
}
