import type { Client } from "pg";
import { openPostgres } from "@/db/connect";
import { runMigrations } from "@/db/migrate";
import { seedDatabase } from "@/db/seed/seed";
import { createApiToken, createUser } from "@/db/commands/users";
import type { Role, Unit } from "@/lib/domain";

export type Person = { email: string; name: string; role: Role; withToken?: boolean };

/**
 * The load runs' database through the data layer: migrations, the seeded edition and the people
 * given, all with one password. Answers the API token of each person asked `withToken`, by email.
 */
export async function seedWithPeople(databaseUrl: string, people: readonly Person[], password: string, origin: string): Promise<Map<string, string>> {
  const opened = await openPostgres(databaseUrl, { poolSize: 2 });
  const tokens = new Map<string, string>();
  try {
    await runMigrations(opened);
    await seedDatabase(opened.db);
    for (const { withToken, ...person } of people) {
      const user = await createUser(opened.db, { ...person, password }, null, origin);
      if (withToken) tokens.set(person.email, (await createApiToken(opened.db, user.id, origin)).token);
    }
  } finally {
    await opened.close();
  }
  return tokens;
}

export type ContestedFigure = { key: string; section: string; unit: Unit };

/**
 * Figures editors may fight over: counts without bounds, so any whole number is accepted and each
 * save can carry a value of its own. The first `count` of the catalogue, leaving out `excluding`.
 */
export async function contestedFigures(db: Client, count: number, excluding: readonly string[] = []): Promise<ContestedFigure[]> {
  const { rows } = await db.query<ContestedFigure>(
    `select key, section_key section, unit from metrics
     where not archived and unit = 'count' and min is null and max is null and not (key = any($2))
     order by id limit $1`,
    [count, excluding],
  );
  return rows;
}
