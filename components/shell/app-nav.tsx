"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function AppNav({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const active = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-1 text-sm">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={active(link.href) ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 font-medium ${active(link.href) ? "bg-blue-50 text-blue-800" : "text-gray-700 hover:bg-gray-100"}`}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
