import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { findSessionUser } from "@/db/queries/users";
import { ActiveToggle, ChangeRoleForm, ResetPasswordForm } from "@/components/admin/user-admin-forms";
import { RoleBadge, StatusBadge } from "@/components/admin/user-badges";
import { requirePermission } from "@/server/auth/page-access";
import { requirePageActor } from "@/server/auth/page-guard";
import { idParams } from "@/lib/validation/params";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export const metadata: Metadata = { title: "Person" };

export default async function UserPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(`/admin/users/${id}`);
  requirePermission(actor, "users:manage");
  const parsed = idParams.safeParse({ id });
  if (!parsed.success) notFound();
  const user = await findSessionUser(await getDb(), parsed.data.id);
  if (!user) notFound();
  const self = user.id === actor.id;
  const { created } = await searchParams;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <Link href="/admin/users" className="text-sm text-blue-700 hover:underline">
        ← All people
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{user.name}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-gray-600">
          <span className="break-all">{user.email}</span> <RoleBadge role={user.role} /> <StatusBadge active={user.active} />
        </p>
      </div>
      {created ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
          {user.name} was added as {user.role}. They can sign in now.
        </p>
      ) : null}
      <section aria-labelledby="role-heading" className="card space-y-3 p-6">
        <h2 id="role-heading" className="text-lg font-semibold">
          Role
        </h2>
        {self ? (
          <p className="text-sm text-gray-700">You cannot change your own role; another admin can. This keeps the desk from losing its last admin.</p>
        ) : (
          <ChangeRoleForm userId={user.id} role={user.role} />
        )}
      </section>
      <section aria-labelledby="access-heading" className="card space-y-3 p-6">
        <h2 id="access-heading" className="text-lg font-semibold">
          Access
        </h2>
        {self ? (
          <p className="text-sm text-gray-700">You cannot deactivate yourself.</p>
        ) : (
          <ActiveToggle userId={user.id} name={user.name} active={user.active} />
        )}
      </section>
      <section aria-labelledby="password-heading" className="card space-y-3 p-6">
        <h2 id="password-heading" className="text-lg font-semibold">
          Reset the password
        </h2>
        <p className="text-sm text-gray-700">
          {self ? (
            <>
              To change your own password, use{" "}
              <Link href="/account" className="text-blue-700 underline">
                your account page
              </Link>
              .
            </>
          ) : (
            "Sets a new password and signs them out everywhere. Their API tokens keep working."
          )}
        </p>
        {self ? null : <ResetPasswordForm userId={user.id} />}
      </section>
    </div>
  );
}
