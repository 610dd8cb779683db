/** `npm run db:seed`: migrates, then inserts whatever of the shipped report is missing (idempotent). */
import { getOpened } from "@/db/client";
import { seedDatabase } from "@/db/seed/seed";

getOpened()
  .then(async (opened) => {
    const { inserted } = await seedDatabase(opened.db);
    console.log(inserted === 0 ? "Nothing to seed: the database already holds the report." : `Seeded ${inserted} rows.`);
    await opened.close();
  })
  .catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
