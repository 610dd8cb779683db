import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { countUsers } from "@/db/queries/users";
import { SetupForm } from "@/components/auth/setup-form";

export const metadata: Metadata = { title: "First-run set-up" };

/** Exists only while there are no users: afterwards it is a 404. */
export default async function SetupPage() {
  // Decided per request (never at build time): the page exists only while there are no users.
  await connection();
  if ((await countUsers(await getDb())) > 0) notFound();
  return (
    <div className="card p-8">
      <h1 className="text-xl font-semibold">Create the first administrator</h1>
      <p className="mt-1 text-sm text-gray-600">
        Report Desk has no accounts yet. This account can then create editors, reviewers and viewers. This page disappears once it is done.
      </p>
      <SetupForm />
    </div>
  );
}
