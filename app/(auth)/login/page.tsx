import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { countUsers } from "@/db/queries/users";
import { LoginForm } from "@/components/auth/login-form";
import { currentActor } from "@/server/auth/guard";
import { safeReturnPath } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; welcome?: string }> }) {
  const { callbackUrl } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await currentActor()) redirect(returnTo);
  if ((await countUsers(await getDb())) === 0) redirect("/setup");
  return (
    <div className="card p-8">
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-gray-600">Use the account your administrator created for you.</p>
      <LoginForm returnTo={returnTo} />
    </div>
  );
}
