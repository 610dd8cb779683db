import type { Role } from "@/lib/domain";

const ROLE_CLASSES: Record<Role, string> = {
  admin: "bg-purple-100 text-purple-900",
  editor: "bg-blue-100 text-blue-900",
  reviewer: "bg-amber-100 text-amber-900",
  viewer: "bg-gray-100 text-gray-800",
};

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${ROLE_CLASSES[role]}`}>{role}</span>;
}

export function StatusBadge({ active }: { active: boolean }) {
  return active ? (
    <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">Active</span>
  ) : (
    <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">Deactivated</span>
  );
}
