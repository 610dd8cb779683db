import "server-only";
import { forbidden, notFound } from "next/navigation";
import type { Executor } from "@/db/client";
import { findMetric } from "@/db/queries/catalog";
import { findSnapshot } from "@/db/queries/snapshots";
import { findSessionUser } from "@/db/queries/users";
import { findYearDetail } from "@/db/queries/years";
import { idParam, metricKeyParam, yearParam } from "@/lib/validation/params";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";

/**
 * Who may open which signed-in page, and which things in its address must exist. The (app)
 * layout asks this on every full page load, before its loading.tsx starts streaming: once a
 * response has begun it is a 200, so a page's own forbidden() or notFound() could only change
 * what is shown, not the status. Pages still check for themselves on client-side navigation,
 * where the layout is not rendered again.
 */
const PAGE_PERMISSIONS: { prefix: string; permission: Permission }[] = [
  { prefix: "/admin/users", permission: "users:manage" },
  { prefix: "/admin/metrics", permission: "metrics:manage" },
  { prefix: "/admin/rules", permission: "rules:manage" },
  { prefix: "/audit", permission: "audit:read" },
];

function requiredPermission(pathname: string): Permission | null {
  const rule = PAGE_PERMISSIONS.find((r) => pathname === r.prefix || pathname.startsWith(`${r.prefix}/`));
  return rule?.permission ?? null;
}

/** For a page: 403 (Next's forbidden page) when the actor's role may not open it. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) forbidden();
}

/**
 * The signed-in caller of a page (`caller`, which redirects anyone else to sign in), once they may
 * open it and what it names exists. Whether it exists is read beside the caller's session, one
 * round trip instead of two in a row, but judged only after the caller: someone signed out is sent
 * to sign in whatever the address names, and nobody learns from a 404 what they may not open.
 */
export async function checkPageAccess(db: Executor, pathWithQuery: string, caller: Promise<Actor>): Promise<Actor> {
  const pathname = pathWithQuery.split(/[?#]/)[0] ?? "/";
  const permission = requiredPermission(pathname);
  const [actor, targetsExist] = await Promise.all([caller, pageTargetsExist(db, pathname.split("/").filter(Boolean).map(safeDecode))]);
  if (permission) requirePermission(actor, permission);
  if (!targetsExist) notFound();
  return actor;
}

/** The year, metric, snapshot or person an address names, when it names one. */
async function pageTargetsExist(db: Executor, parts: string[]): Promise<boolean> {
  const [first, second, third, fourth] = parts;
  if (first === "years" && second !== undefined) {
    const year = yearParam.safeParse(second);
    // The page reads the same (findYearDetail is cached per render): one statement for both.
    if (!year.success || !(await findYearDetail(db, year.data))) return false;
    if (third === "history" && fourth !== undefined) {
      const key = metricKeyParam.safeParse(fourth);
      return key.success && (await findMetric(db, key.data)) !== null;
    }
    if (third === "snapshots" && fourth !== undefined) {
      const id = idParam().safeParse(fourth);
      return id.success && (await findSnapshot(db, id.data))?.year === year.data;
    }
    return true;
  }
  if (first === "admin" && second === "metrics" && third !== undefined && third !== "new") {
    const key = metricKeyParam.safeParse(third);
    return key.success && (await findMetric(db, key.data)) !== null;
  }
  if (first === "admin" && second === "users" && third !== undefined && third !== "new") {
    const id = idParam().safeParse(third);
    return id.success && (await findSessionUser(db, id.data)) !== null;
  }
  return true;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
