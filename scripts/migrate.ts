/** `npm run db:migrate`: applies drizzle/ to the configured database (PostgreSQL or the embedded one). */
import { getEnv } from "@/lib/env";
import { openPglite, openPostgres } from "@/db/connect";
import { runMigrations } from "@/db/migrate";
import { BUILD_TEMPLATE } from "@/db/pglite-template";
import fs from "node:fs";

async function main() {
  const env = getEnv();
  if (!env.databaseUrl) fs.mkdirSync(env.dataDir, { recursive: true });
  const opened = env.databaseUrl ? await openPostgres(env.databaseUrl) : await openPglite(`${env.dataDir}/pglite`, { template: BUILD_TEMPLATE });
  try {
    await runMigrations(opened);
    console.log(`Migrated the ${opened.kind} database.`);
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
