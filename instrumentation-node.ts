import { getOpened } from "@/db/client";
import { EnvError, getEnv } from "@/lib/env";
import { installMethodGuard } from "@/lib/http/method-guard";
import { installLogRedaction } from "@/lib/log/redact";

/**
 * Runs once when the server starts: validates the settings (a bad one stops start-up with one
 * clear line) and opens, migrates and seeds the database so the first request is fast.
 */
export async function startServer() {
  installLogRedaction();
  installMethodGuard();
  try {
    getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`Report Desk cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  try {
    const opened = await getOpened();
    console.log(`[db] ${opened.kind} ready`);
  } catch (error) {
    // Not fatal: pages show an error and /api/health says 503 until the database is back.
    console.error("[db] not reachable at start-up:", error);
  }
}
