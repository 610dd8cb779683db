import type { Check } from "@/lib/checks/types";
import { can } from "@/lib/auth/permissions";
import type { Role, YearStatus } from "@/lib/domain";
import { LockYearButton } from "@/components/years/year-lock-controls";
import { ReturnYearButton, SubmitYearButton } from "./review-controls";

type Props = { year: number; status: YearStatus; role: Role; checks: Check[]; filled: number; total: number };

/** The next review step the person may take: submit an open year, return one in review, lock either. */
export function ReviewControls({ year, status, role, checks, filled, total }: Props) {
  if (status === "locked") return null;
  return (
    <>
      {status === "open" && can(role, "years:submit") ? <SubmitYearButton year={year} /> : null}
      {status === "in_review" && can(role, "years:return") ? <ReturnYearButton year={year} /> : null}
      {can(role, "years:lock") ? <LockYearButton year={year} checks={checks} filled={filled} total={total} /> : null}
    </>
  );
}
