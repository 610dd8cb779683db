import type { Check } from "@/lib/checks/types";
import { checkAnchor } from "@/lib/checks/anchor";
import { countChecks } from "@/lib/checks/summary";

const KIND_LABEL: Record<Check["kind"], string> = {
  rule: "Rule",
  range: "Outside the usual range",
  outlier: "Unusual change",
  missing: "No value",
  text: "Text no longer matches",
  comment: "Open comment",
};

type Props = {
  checks: Check[];
  /** Turns an anchor into the link that shows it (the section's page when a year is shown a section at a time). */
  hrefFor: (check: Check, anchor: string) => string;
};

/** The year's checks: counts by severity, then each one linking to what it is about. Missing figures fold away: there can be dozens. */
export function ChecksPanel({ checks, hrefFor }: Props) {
  const counts = countChecks(checks);
  const missing = checks.filter((c) => c.kind === "missing");
  const listed = checks.filter((c) => c.kind !== "missing");
  return (
    <section aria-labelledby="checks-heading" className="card p-4" data-testid="checks-panel">
      <h2 id="checks-heading" className="text-lg font-semibold">
        Checks
      </h2>
      <p className="mt-1 text-sm text-gray-700" data-testid="check-counts">
        {checks.length === 0 ? (
          "Every check passes: no rule fails, no figure is missing or unusual, no comment is open."
        ) : (
          <>
            <span className={counts.error > 0 ? "font-semibold text-red-800" : ""}>
              {counts.error} error{counts.error === 1 ? "" : "s"}
            </span>
            {" · "}
            <span>
              {counts.warning} warning{counts.warning === 1 ? "" : "s"}
            </span>
            {counts.error > 0 ? " — errors must be fixed, or overridden with a reason, before the year can be locked." : ""}
          </>
        )}
      </p>
      {listed.length > 0 ? (
        <ul className="mt-3 space-y-1.5 text-sm">
          {listed.map((check, i) => (
            <CheckItem key={i} check={check} hrefFor={hrefFor} />
          ))}
        </ul>
      ) : null}
      {missing.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-gray-800">
            {missing.length} figure{missing.length === 1 ? "" : "s"} without a value
          </summary>
          <ul className="mt-2 grid gap-1 sm:grid-cols-2">
            {missing.map((check, i) => (
              <MissingItem key={i} check={check} hrefFor={hrefFor} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

type ItemProps = { check: Check; hrefFor: Props["hrefFor"] };

function CheckItem({ check, hrefFor }: ItemProps) {
  const badge =
    check.severity === "error" ? (
      <span className="mr-2 inline-block rounded bg-red-100 px-1.5 text-xs font-medium text-red-900">Error</span>
    ) : (
      <span className="mr-2 inline-block rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900">Warning</span>
    );
  return (
    <li data-check-kind={check.kind}>
      {badge}
      <span className="sr-only">{KIND_LABEL[check.kind]}: </span>
      <CheckMessage check={check} hrefFor={hrefFor} />
    </li>
  );
}

/** A figure without a value, under the fold that says what they all are: its message alone, linking to its row (a new year lists every figure). */
function MissingItem({ check, hrefFor }: ItemProps) {
  return (
    <li data-check-kind="missing">
      <CheckMessage check={check} hrefFor={hrefFor} />
    </li>
  );
}

function CheckMessage({ check, hrefFor }: ItemProps) {
  const anchor = checkAnchor(check);
  return anchor ? (
    <a href={hrefFor(check, anchor)} className="text-blue-800 underline">
      {check.message}
    </a>
  ) : (
    check.message
  );
}
