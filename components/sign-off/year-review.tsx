import type { TimelineStep } from "@/db/queries/timeline";
import type { Check } from "@/lib/checks/types";
import type { YearStatus } from "@/lib/domain";
import { ChecksPanel } from "./checks-panel";
import { YearTimeline } from "./year-timeline";

type Props = {
  year: number;
  status: YearStatus;
  returnMessage: string | null;
  returnedBy: string | null;
  checks: Check[];
  timeline: TimelineStep[];
  /** The section a figure is on, when the year is shown a section at a time. */
  sectionOf: Record<string, string> | null;
};

/** The review part of the year page: the reviewer's message while it applies, the checks and the timeline. */
export function YearReview({ year, status, returnMessage, returnedBy, checks, timeline, sectionOf }: Props) {
  const hrefFor = (check: Check, anchor: string) => {
    const section = sectionOf && check.metricKey ? sectionOf[check.metricKey] : undefined;
    return `${section ? `/years/${year}?section=${encodeURIComponent(section)}` : ""}#${anchor}`;
  };
  return (
    <div className="space-y-4">
      {status === "open" && returnMessage ? (
        <div role="note" className="rounded-md border border-blue-300 bg-blue-50 p-3 text-sm text-blue-950" data-testid="return-message">
          <p className="font-semibold">
            Returned{returnedBy ? ` by ${returnedBy}` : ""}: fix what the reviewer asks, then submit {year} again.
          </p>
          <p className="mt-1 whitespace-pre-wrap">{returnMessage}</p>
        </div>
      ) : null}
      {status === "in_review" ? (
        <p role="note" className="rounded-md border border-violet-300 bg-violet-50 p-3 text-sm text-violet-950">
          {year} is in review: reviewers are reading it. Figures and quotes can still be corrected until it is locked.
        </p>
      ) : null}
      <ChecksPanel checks={checks} hrefFor={hrefFor} />
      <YearTimeline steps={timeline} />
    </div>
  );
}
