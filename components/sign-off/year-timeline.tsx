import type { TimelineStep } from "@/db/queries/timeline";
import { formatUtc } from "@/lib/time/utc";

const STEP_LABEL: Record<TimelineStep["action"], string> = {
  year_opened: "Opened",
  year_submitted: "Submitted for review",
  year_returned: "Returned to the editors",
  year_locked: "Locked",
  year_unlocked: "Unlocked",
};

/** The year's way through review, from the audit log: who did each step, when, and what they said. */
export function YearTimeline({ steps }: { steps: TimelineStep[] }) {
  if (steps.length === 0) return null;
  return (
    <details className="card p-4 text-sm" data-testid="year-timeline">
      <summary className="cursor-pointer font-semibold">
        Review timeline ({steps.length} step{steps.length === 1 ? "" : "s"})
      </summary>
      <ol className="mt-3 space-y-2 border-l border-gray-200 pl-4">
        {steps.map((step) => (
          <li key={step.id}>
            <span className="font-medium">{STEP_LABEL[step.action]}</span> · {formatUtc(step.at)}
            {step.by ? ` by ${step.by}` : ""}
            <StepDetail step={step} />
          </li>
        ))}
      </ol>
    </details>
  );
}

function StepDetail({ step }: { step: TimelineStep }) {
  const d = step.detail ?? {};
  const said = typeof d.message === "string" ? d.message : typeof d.reason === "string" ? d.reason : null;
  const override = typeof d.overrideReason === "string" ? d.overrideReason : null;
  const failing = Array.isArray(d.failingChecks) ? d.failingChecks.length : 0;
  return (
    <>
      {said ? <p className="mt-0.5 whitespace-pre-wrap text-gray-700">“{said}”</p> : null}
      {override ? (
        <p className="mt-0.5 text-gray-700">
          Overrode {failing} failing error check{failing === 1 ? "" : "s"}: “{override}”
        </p>
      ) : null}
    </>
  );
}
