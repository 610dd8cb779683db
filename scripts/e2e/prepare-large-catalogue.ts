/**
 * Prepares an embedded database for e2e/large-catalogue.spec.ts: the seeded report plus
 * `count` more metrics spread over the sections, with values in 2022 and 2023, and an editor
 * (usage: prepare-large-catalogue.ts <count> <editor email> <editor password>).
 * Past FIGURES_ON_ONE_PAGE figures the pages show part of them at a time; the shared e2e
 * database cannot hold that many without changing what the other specs see.
 * Runs before the server starts, since one PGlite folder takes one process.
 */
import { sql } from "drizzle-orm";
import { getOpened } from "@/db/client";
import { createUser } from "@/db/commands/users";

const [countArg, email, password] = process.argv.slice(2);
const count = Number(countArg);

async function main() {
  if (!Number.isInteger(count) || count < 1 || !email || !password) throw new Error("usage: prepare-large-catalogue.ts <count> <email> <password>");
  const opened = await getOpened();
  try {
    await opened.db.execute(sql`
      -- Over the sections that hold figures (the chapter's opening holds only text).
      with s as (select array_agg(key order by sort_order) a from sections where exists (select 1 from metrics where metrics.section_key = sections.key))
      insert into metrics (key, label, section_key, unit, direction, sort_order)
      select 'extra_' || lpad(g::text, 3, '0'), 'Extra figure ' || g, s.a[1 + g % array_length(s.a, 1)], 'count', 'up', 1000 + g
      from s, generate_series(1, ${count}) g`);
    await opened.db.execute(sql`
      insert into metric_values (metric_id, year, value, source, version)
      select m.id, y.year, (m.sort_order * 10 + y.year - 2022)::double precision, 'e2e data', 1
      from metrics m cross join (values (2022), (2023)) y(year)
      where m.key like 'extra_%'`);
    await createUser(opened.db, { email, password, name: "Cato Editor", role: "editor" }, null);
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
