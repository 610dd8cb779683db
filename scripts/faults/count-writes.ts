/**
 * After a fault test killed a server mid-write: opens its embedded database (the server is gone,
 * one PGlite folder takes one process) and prints, as JSON on the last line, how many sign-in
 * attempts and audit rows of each action it holds, so the test can say nothing partial was kept.
 */
import { count } from "drizzle-orm";
import { getOpened } from "@/db/client";
import { auditLog, signInAttempts } from "@/db/schema";

async function main() {
  const opened = await getOpened();
  try {
    const [{ attempts } = { attempts: 0 }] = await opened.db.select({ attempts: count() }).from(signInAttempts);
    const audit = await opened.db.select({ action: auditLog.action, n: count() }).from(auditLog).groupBy(auditLog.action);
    console.log(JSON.stringify({ signInAttempts: attempts, audit: Object.fromEntries(audit.map((a) => [a.action, a.n])) }));
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
