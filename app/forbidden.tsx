import Link from "next/link";
import { currentActor } from "@/server/auth/guard";

/** Next's 403 page (forbidden()): a page the signed-in role may not open. Its actions are refused on the server too. */
export default async function Forbidden() {
  const actor = await currentActor();
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-red-700">403 · Not allowed</p>
      <h1 className="mt-2 text-2xl font-semibold">You are not allowed to see this page</h1>
      <p className="mt-2 text-gray-700">
        {actor ? (
          <>
            Your role is <strong>{actor.role}</strong>, which does not include this page.{" "}
          </>
        ) : null}
        Ask an administrator if you need access.
      </p>
      <Link href="/" className="btn-primary mt-6">
        Back to the dashboard
      </Link>
    </main>
  );
}
