import { createQuote } from "@/db/commands/quotes";
import { createUser } from "@/db/commands/users";
import { saveValues } from "@/db/commands/values";
import { openYear } from "@/db/commands/years";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain";
import { personOf, quoteOf, type MetricDefinition } from "./fixtures";

/**
 * Writes the fixtures of ./fixtures.ts through the app's own commands, so a test's set-up meets
 * the same rules (and writes the same revisions and audit rows) as the app's. Takes anything
 * holding a database: a TestDatabase, or the OpenedDatabase of a script.
 */
type Holder = { db: Database };

/** A real user row (revisions and audit rows point at it) as the guard would hand it to a command. */
export async function createActor(t: Holder, role: Role, name = `${role} person`): Promise<Actor> {
  const person = personOf(role, name);
  const user = await createUser(t.db, person, null);
  return { id: user.id, email: user.email, name: person.name, role, via: "token" };
}

/** One person of each role (or of the roles named), called "<role> person". */
export async function createPeople<R extends Role>(t: Holder, roles: readonly R[]): Promise<Record<R, Actor>> {
  const people = {} as Record<R, Actor>;
  for (const role of roles) people[role] = await createActor(t, role);
  return people;
}

/** Adds metrics straight to the catalogue, a thousand rows a statement, for tests that need many. */
export async function createMetrics(t: Holder, definitions: readonly MetricDefinition[]): Promise<void> {
  for (let i = 0; i < definitions.length; i += 1_000) {
    await t.db.insert(schema.metrics).values(definitions.slice(i, i + 1_000).map(({ section, ...m }) => ({ ...m, sectionKey: section })));
  }
}

/** Opens `year` and saves the given figures (metric key to value) in one batch, as the grid's Save all does. */
export async function createYearWithValues(t: Holder, year: number, actor: Actor, values: Record<string, number | string | null> = {}) {
  await openYear(t.db, year, actor);
  const items = Object.entries(values).map(([metricKey, value]) => ({ metricKey, value }));
  return items.length === 0 ? [] : saveValues(t.db, year, items, actor);
}

/** A quote in an open year, by `actor`. */
export function createQuoteIn(t: Holder, year: number, actor: Actor, overrides: Parameters<typeof quoteOf>[0] = {}) {
  return createQuote(t.db, year, quoteOf(overrides), actor);
}
