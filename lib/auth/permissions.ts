import type { Role } from "@/lib/domain";

/**
 * Who may do what. Pure data so the UI can hide what a role cannot do; the server
 * guard (server/auth/guard.ts) is what enforces it.
 */
const MATRIX = {
  read: ["admin", "editor", "reviewer", "viewer"],
  "values:write": ["admin", "editor"],
  "years:open": ["admin", "editor"],
  "years:submit": ["admin", "editor"],
  "years:return": ["admin", "reviewer"],
  "years:lock": ["admin", "reviewer"],
  "years:unlock": ["admin"],
  "snapshots:create": ["admin", "editor"],
  "metrics:manage": ["admin"],
  "rules:manage": ["admin"],
  // Reviewers ask, editors answer; resolving is the editors' (contract: editor or above), reopening anyone's who may comment.
  "comments:write": ["admin", "editor", "reviewer"],
  "comments:resolve": ["admin", "editor"],
  "users:manage": ["admin"],
  "audit:read": ["admin", "reviewer"],
  "self:manage": ["admin", "editor", "reviewer", "viewer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof MATRIX;

export function can(role: Role, permission: Permission): boolean {
  return (MATRIX[permission] as readonly Role[]).includes(role);
}

export function rolesFor(permission: Permission): readonly Role[] {
  return MATRIX[permission];
}
