import Link from "next/link";
import type { Role } from "@/lib/domain";

/** Shown instead of a page the signed-in role may not use; the server refuses its actions as well. */
export function NotAllowed({ role, what, roles }: { role: Role; what: string; roles: readonly Role[] }) {
  return (
    <div role="alert" className="card mx-auto max-w-xl p-6">
      <p className="text-sm font-semibold text-red-700">Not allowed</p>
      <h1 className="mt-1 text-xl font-semibold">You are not allowed to see {what}</h1>
      <p className="mt-2 text-gray-700">
        Your role is <strong>{role}</strong>. This page is for the {roles.join(" and ")} role{roles.length === 1 ? "" : "s"}. Ask an
        administrator if you need access.
      </p>
      <Link href="/" className="btn-secondary mt-4">
        Back to the dashboard
      </Link>
    </div>
  );
}
