/**
 * Prepares an embedded database for the "SIGKILL during a large import" fault test: as many
 * metrics as the file has rows (a file names each metric once), an editor and an API token.
 * Runs before the server starts, since one PGlite folder takes one process.
 * Prints the token on the last line.
 */
import { getOpened } from "@/db/client";
import { createApiToken } from "@/db/commands/users";
import { createActor } from "@/tests/support/db-fixtures";
import { addBulkMetrics } from "../bench/dataset";

const rows = Number(process.argv[2] ?? 10_000);

async function main() {
  const opened = await getOpened();
  try {
    await addBulkMetrics(opened, rows);
    const user = await createActor(opened, "editor", "Ida Importer");
    const { token } = await createApiToken(opened.db, user.id, "fault test");
    console.log(token);
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
