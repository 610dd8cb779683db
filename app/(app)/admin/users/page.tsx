import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listUsers } from "@/db/queries/users";
import { RoleBadge, StatusBadge } from "@/components/admin/user-badges";
import { requirePermission } from "@/server/auth/page-access";
import { requirePageActor } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "People" };

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function UsersPage() {
  const actor = await requirePageActor("/admin/users");
  requirePermission(actor, "users:manage");
  const users = await listUsers(await getDb());
  const active = users.filter((u) => u.active).length;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">People</h1>
          <p className="mt-1 text-sm text-gray-600">
            {active} active, {users.length - active} deactivated
          </p>
        </div>
        <Link href="/admin/users/new" className="btn-primary">
          Add a person
        </Link>
      </div>
      <div className="card relative overflow-x-auto">
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <caption className="sr-only">People with access, their role and status</caption>
          <thead className="bg-gray-50 text-left text-gray-700">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">
                Email
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Role
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">
                Added
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {users.map((u) => (
              <tr key={u.id} data-user={u.email}>
                <th scope="row" className="px-4 py-2 text-left font-normal">
                  <Link href={`/admin/users/${u.id}`} className="font-medium text-blue-700 underline-offset-2 hover:underline">
                    {u.name}
                  </Link>
                  {u.id === actor.id ? <span className="ml-1 text-xs text-gray-500">(you)</span> : null}
                  <div className="break-all text-xs text-gray-500 md:hidden">{u.email}</div>
                </th>
                <td className="hidden break-all px-4 py-2 md:table-cell">{u.email}</td>
                <td className="px-4 py-2">
                  <RoleBadge role={u.role} />
                </td>
                <td className="px-4 py-2">
                  <StatusBadge active={u.active} />
                </td>
                <td className="hidden whitespace-nowrap px-4 py-2 sm:table-cell">{DATE.format(u.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
