import { spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Whether a process of that pid is still running (a zombie waiting for its parent counts as gone). */
function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}

/** tests/support/server-harness.ts, and the pid of the server it started. */
async function startHarness() {
  const harness = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/server-harness.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await once(harness.stdout, "data")) as [Buffer];
  const { pid } = JSON.parse(line.toString()) as { pid: number };
  return { harness, pid };
}

// The benchmarks' servers run in process groups of their own, which a Ctrl-C of the benchmark
// does not reach: left behind, one that writes to a pipe whose reader has gone spins at a whole
// core and slows every later measurement on the machine (seen 2026-12-07).
describe.skipIf(process.platform !== "linux")("the benchmarks' servers", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("end with the benchmark when it gets %s", async (signal, exitCode) => {
    const { harness, pid } = await startHarness();
    expect(alive(pid)).toBe(true);
    harness.kill(signal);
    const [code] = (await once(harness, "exit")) as [number | null];
    expect(code).toBe(exitCode);
    await expect.poll(() => alive(pid)).toBe(false);
  });

  it("outlive a benchmark killed outright, writing to a file rather than to a pipe with no reader", async () => {
    const { harness, pid } = await startHarness();
    harness.kill("SIGKILL");
    await once(harness, "exit");
    const outputs = ["1", "2"].map((fd) => fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
    try {
      expect(alive(pid)).toBe(true);
      for (const output of outputs) expect(output).toMatch(/rd-servers-[^/]+\/0-\d+\.log$/);
      await expect.poll(() => fs.readFileSync(outputs[0]!, "utf8")).toContain("still here");
    } finally {
      process.kill(-pid, "SIGKILL");
      if (outputs[0]?.includes("rd-servers-")) fs.rmSync(path.dirname(outputs[0]), { recursive: true, force: true });
    }
  });
});
