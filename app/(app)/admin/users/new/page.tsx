import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { requirePermission } from "@/server/auth/page-access";
import { requirePageActor } from "@/server/auth/page-guard";

export const metadata: Metadata = { title: "Add a person" };

export default async function NewUserPage() {
  const actor = await requirePageActor("/admin/users/new");
  requirePermission(actor, "users:manage");
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Link href="/admin/users" className="text-sm text-blue-700 hover:underline">
        ← All people
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">Add a person</h1>
      <p className="text-sm text-gray-600">Give them the password through a separate channel; they can change it on their account page.</p>
      <CreateUserForm />
    </div>
  );
}
