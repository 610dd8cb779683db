import { createUser } from "@/db/commands/users";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/domain";
import type { TestDatabase } from "./db";

/** A real user row (revisions and audit rows point at it) as the guard would hand it to a command. */
export async function createActor(t: TestDatabase, role: Role, name = `${role} person`): Promise<Actor> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@example.org`;
  const user = await createUser(t.db, { email, name, role, password: "lantern orchard ninety rivers" }, null);
  return { id: user.id, email: user.email, name, role, via: "token" };
}
