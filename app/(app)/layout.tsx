import { headers } from "next/headers";
import Link from "next/link";
import { getDb } from "@/db/client";
import { AppNav } from "@/components/shell/app-nav";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { checkPageAccess } from "@/server/auth/page-access";
import { requirePageActor } from "@/server/auth/page-guard";
import { can } from "@/lib/auth/permissions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const pathname = (await headers()).get("x-pathname") ?? "/";
  const actor = await checkPageAccess(await getDb(), pathname, requirePageActor(pathname));
  const links = [
    { href: "/", label: "Dashboard" },
    { href: "/years", label: "Years" },
    { href: "/compare", label: "Compare" },
    ...(can(actor.role, "audit:read") ? [{ href: "/audit", label: "Audit log" }] : []),
    ...(can(actor.role, "users:manage") ? [{ href: "/admin/users", label: "People" }] : []),
    ...(can(actor.role, "metrics:manage") ? [{ href: "/admin/metrics", label: "Metrics" }] : []),
    ...(can(actor.role, "rules:manage") ? [{ href: "/admin/rules", label: "Rules" }] : []),
  ];
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="text-base font-semibold tracking-tight text-blue-800">Report Desk</span>
          <AppNav links={links} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-gray-700">
              <span className="font-medium">{actor.name}</span>{" "}
              <span className="rounded-full bg-blue-50 px-2 py-0.5 text-xs font-medium text-blue-800">{actor.role}</span>
            </span>
            <Link href="/account" className="font-medium text-blue-700 underline-offset-2 hover:underline">
              Account
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
