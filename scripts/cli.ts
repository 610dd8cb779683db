/**
 * Report Desk's command line (see API.md): `npm run cli -- user:create --email E --name N --role R`
 * (password from $PASSWORD) and `npm run cli -- token:create --email E`. Uses the same
 * DATABASE_URL / DATA_DIR as the server and creates, migrates and seeds an empty one first.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { getOpened, type Database } from "@/db/client";
import { createApiToken, createUser } from "@/db/commands/users";
import { findUserForSignIn } from "@/db/queries/users";
import { readCliPassword } from "@/lib/env";
import { zodFieldErrors } from "@/lib/validation/value";
import { createUserSchema } from "@/lib/validation/user";

class CliError extends Error {}

async function main(argv: string[]): Promise<string[]> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, "token-name": { type: "string" } },
    strict: true,
  });
  switch (command) {
    case "user:create": {
      // Input is checked before the database is opened: a typo answers at once.
      const parsed = await createUserSchema.safeParseAsync({ ...values, password: readCliPassword() ?? "" });
      if (!parsed.success) {
        const fields = zodFieldErrors(parsed.error);
        throw new CliError(
          Object.entries(fields)
            .map(([k, m]) => `${k}: ${m}`)
            .join("; "),
        );
      }
      return withDatabase(async (db) => {
        const user = await createUser(db, parsed.data, null, "cli");
        return [`Created ${user.role} ${user.email} (id ${user.id})`];
      });
    }
    case "token:create": {
      const email = z.email().safeParse(values.email?.trim().toLowerCase());
      if (!email.success) throw new CliError("--email must be a valid address");
      return withDatabase(async (db) => {
        const user = await findUserForSignIn(db, email.data);
        if (!user || !user.active) throw new CliError(`No active user with the email ${email.data}`);
        const created = await createApiToken(db, user.id, values["token-name"] ?? "CLI token");
        // The token alone on the last line, so scripts can take it with `tail -n 1`.
        const until = created.expiresAt ? `valid until ${created.expiresAt}` : "never expires";
        return [`API token for ${user.email} (${until}; shown only this once):`, created.token];
      });
    }
    default:
      throw new CliError(`Unknown command ${command ?? "(none)"}: use user:create or token:create`);
  }
}

/** Opens (creating, migrating and seeding if needed) the configured database for one command. */
async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const opened = await getOpened();
  try {
    return await fn(opened.db);
  } finally {
    await opened.close();
  }
}

main(process.argv.slice(2))
  .then((lines) => {
    for (const line of lines) console.log(line);
    process.exit(0);
  })
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`error: ${message.split("\n")[0]}`);
    process.exit(1);
  });
