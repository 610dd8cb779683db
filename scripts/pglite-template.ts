/**
 * Part of `npm run build`: saves a PGlite cluster, migrated and seeded by this build's code, next
 * to the build, so that a new embedded database starts from it instead of running initdb,
 * the migrations and the seed (db/pglite-template.ts, decision 035).
 */
import { BUILD_TEMPLATE, writeTemplate } from "@/db/pglite-template";

writeTemplate(BUILD_TEMPLATE, { prepared: true })
  .then((bytes) => console.log(`PGlite template: ${BUILD_TEMPLATE} (${(bytes / 1e6).toFixed(1)} MB)`))
  .catch((error: unknown) => {
    console.error(`error: could not write the PGlite template: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
