import type { YearStatus } from "@/lib/domain";

const BADGE: Record<YearStatus, { label: string; className: string }> = {
  open: { label: "Open", className: "bg-green-100 text-green-900" },
  in_review: { label: "In review", className: "bg-violet-100 text-violet-900" },
  locked: { label: "Locked", className: "bg-amber-100 text-amber-900" },
};

export function YearStatusBadge({ status }: { status: YearStatus }) {
  const badge = BADGE[status];
  return <span className={`ml-2 inline-flex items-center rounded-full px-2.5 py-0.5 align-middle text-xs font-medium ${badge.className}`}>{badge.label}</span>;
}
