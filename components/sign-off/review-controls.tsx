"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { returnYearAction, submitYearAction } from "@/server/actions/years";
import { returnYearSchema } from "@/lib/validation/year";
import { reach } from "@/components/ui/reach";
import { WrittenReasonDialog } from "@/components/ui/written-reason-dialog";

/** Editors hand the year to the reviewers; figures stay editable while it is in review. */
export function SubmitYearButton({ year }: { year: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    setBusy(true);
    setError(null);
    const result = await reach(submitYearAction({ params: { year } }));
    setBusy(false);
    if (!result.ok) setError(result.message);
    else router.refresh();
  }
  return (
    <>
      <button type="button" className="btn-primary" disabled={busy} onClick={() => void submit()}>
        {busy ? "Submitting…" : "Submit for review"}
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A reviewer sends the year back with what to look at; the editors see the message on the year page. */
export function ReturnYearButton({ year }: { year: number }) {
  return (
    <WrittenReasonDialog
      opener="Return to editors"
      title={`Return ${year} to the editors?`}
      description="The year goes back to open. Say what needs another look: the editors see your message on the year page until they submit again."
      field={{ name: "message", id: "return-message", label: "Message to the editors", rows: 4 }}
      schema={returnYearSchema}
      send={(body) => reach(returnYearAction({ params: { year }, body }))}
      confirm={{ label: `Return ${year}`, busyLabel: "Returning…" }}
    />
  );
}
