"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { lockYearAction, unlockYearAction } from "@/server/actions/years";
import type { Check } from "@/lib/checks/types";
import { OVERRIDE_REASON_MIN, unlockYearSchema } from "@/lib/validation/year";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Modal } from "@/components/ui/modal";
import { reach } from "@/components/ui/reach";
import { WrittenReasonDialog } from "@/components/ui/written-reason-dialog";

/**
 * Reviewer or admin: signs the year off after a dialog that shows how complete it is and every
 * failing check. While an error check fails, the lock needs an override reason (kept in the
 * audit log and the snapshot); the server refuses without one whatever this dialog shows.
 */
export function LockYearButton({ year, checks, filled, total }: { year: number; checks: Check[]; filled: number; total: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  // The server's answer wins over what the page was rendered with: someone may have changed a figure since.
  const [shown, setShown] = useState<Check[]>(checks);
  const errors = shown.filter((c) => c.severity === "error");
  const warnings = shown.filter((c) => c.severity === "warning");
  const needsOverride = errors.length > 0;
  const reasonProblem =
    needsOverride && reason.trim().length < OVERRIDE_REASON_MIN ? `Override reason must be at least ${OVERRIDE_REASON_MIN} characters` : null;

  function show() {
    setShown(checks);
    setError(null);
    setOpen(true);
  }

  async function lock() {
    setBusy(true);
    setError(null);
    const result = await reach(lockYearAction({ params: { year }, body: { overrideReason: needsOverride ? reason : undefined } }));
    setBusy(false);
    if (!result.ok) {
      if (result.code === "checks_failed" && Array.isArray(result.extra?.checks)) setShown([...(result.extra.checks as Check[]), ...warnings]);
      setError(result.fieldErrors?.overrideReason ?? result.message);
      return;
    }
    setOpen(false);
    router.refresh();
  }

  return (
    <>
      <button type="button" className="btn-secondary" onClick={show}>
        Lock {year}
      </button>
      <Modal
        open={open}
        onClose={() => setOpen(false)}
        title={`Lock ${year}?`}
        description={`Locking signs ${year} off: its figures and quotes become read-only for everyone and a snapshot of them is kept. Only an admin can unlock it again, with a reason.`}
      >
        <div className="space-y-4 text-sm">
          <p data-testid="lock-completeness">
            <span className="font-medium">
              {filled} of {total} figures
            </span>{" "}
            have a value ({total === 0 ? 0 : Math.round((filled / total) * 100)}%).
          </p>
          {errors.length > 0 ? (
            <div>
              <h3 className="font-semibold text-red-800">
                {errors.length} failing error check{errors.length === 1 ? "" : "s"}
              </h3>
              <ul className="mt-1 list-disc space-y-1 pl-5" data-testid="lock-errors">
                {errors.map((c, i) => (
                  <li key={i}>{c.message}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-green-800">No error check fails.</p>
          )}
          {warnings.length > 0 ? (
            <details>
              <summary className="cursor-pointer">
                {warnings.length} warning{warnings.length === 1 ? "" : "s"} (they do not stop the lock)
              </summary>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {warnings.map((c, i) => (
                  <li key={i}>{c.message}</li>
                ))}
              </ul>
            </details>
          ) : null}
          {needsOverride ? (
            <div>
              <label htmlFor="override-reason" className="field-label">
                Override reason
              </label>
              <textarea
                id="override-reason"
                rows={3}
                className="field-input"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                aria-describedby="override-reason-help"
              />
              <p id="override-reason-help" className="mt-1 text-xs text-gray-700">
                Why sign off despite the errors? At least {OVERRIDE_REASON_MIN} characters; kept in the audit log and the snapshot.
              </p>
            </div>
          ) : null}
          {error ? (
            <p role="alert" className="rounded-md bg-red-50 p-3 text-red-800">
              {error}
            </p>
          ) : null}
          <DialogActions
            onCancel={() => setOpen(false)}
            label={needsOverride ? `Override and lock ${year}` : `Lock ${year}`}
            busyLabel="Locking…"
            busy={busy}
            disabled={reasonProblem !== null}
            tone={needsOverride ? "danger" : "primary"}
            onConfirm={() => void lock()}
          />
        </div>
      </Modal>
    </>
  );
}

/** Admin only: reopens a signed-off year; the reason goes to the audit log. */
export function UnlockYearButton({ year }: { year: number }) {
  return (
    <WrittenReasonDialog
      opener={`Unlock ${year}`}
      title={`Unlock ${year}?`}
      description="Editors will be able to change its figures and quotes again. Say why: the reason is kept in the audit log."
      field={{ name: "reason", id: "unlock-reason", label: "Reason for unlocking", rows: 3 }}
      schema={unlockYearSchema}
      send={(body) => reach(unlockYearAction({ params: { year }, body }))}
      confirm={{ label: `Unlock ${year}`, busyLabel: "Unlocking…", tone: "danger" }}
    />
  );
}
