import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listApiTokens } from "@/db/queries/users";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { TokensPanel } from "@/components/account/tokens-panel";
import { RoleBadge } from "@/components/admin/user-badges";
import { toTokenBody } from "@/server/api/serialize";
import { requirePageActor } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requirePageActor("/account");
  const tokens = await listApiTokens(await getDb(), actor.id);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-gray-600">
          {actor.name} · <span className="break-all">{actor.email}</span> <RoleBadge role={actor.role} />
        </p>
      </div>
      <section aria-labelledby="password-heading" className="card space-y-3 p-6">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change your password
        </h2>
        <p className="text-sm text-gray-600">This signs you out on every other device and browser and revokes your API tokens; you stay signed in here.</p>
        <ChangePasswordForm email={actor.email} />
      </section>
      <section aria-labelledby="tokens-heading" className="card space-y-3 p-6">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="text-sm text-gray-600">
          A token lets a script use the API as you (<code className="rounded bg-gray-100 px-1">Authorization: Bearer …</code>), with your role. Tokens expire
          after 90 days unless you choose otherwise; changing your password or being deactivated revokes them all. Revoke any you no longer use.
        </p>
        <TokensPanel tokens={tokens.map((t) => toTokenBody(t))} />
      </section>
    </div>
  );
}
