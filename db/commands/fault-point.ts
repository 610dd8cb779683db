import "server-only";
import { faultPointSetting } from "@/lib/env";

/**
 * A named place inside a write transaction where the fault tests kill the server, such as
 * `audit:import_applied` (the audit row of an import, its last write before the commit). When
 * REPORT_DESK_FAULT_POINT names it, the server prints `[fault-point] <name>` on reaching it and
 * then waits there for ever, transaction open: the test kills on that line, so its SIGKILL lands
 * mid-write every time instead of after a sleep that may come too early or too late.
 */
export async function faultPoint(name: `audit:${string}`): Promise<void> {
  if (faultPointSetting() !== name) return;
  console.log(`[fault-point] ${name}`);
  await new Promise<never>(() => {});
}
