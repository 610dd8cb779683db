import type { YearStatus } from "@/lib/domain";

export function YearStatusBadge({ status }: { status: YearStatus }) {
  return status === "locked" ? (
    <span className="ml-2 inline-flex items-center rounded-full bg-amber-100 px-2.5 py-0.5 align-middle text-xs font-medium text-amber-900">
      Locked
    </span>
  ) : (
    <span className="ml-2 inline-flex items-center rounded-full bg-green-100 px-2.5 py-0.5 align-middle text-xs font-medium text-green-900">
      Open
    </span>
  );
}
