"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateMetricAction } from "@/server/actions/metrics";
import { reach } from "@/components/ui/reach";

/** Archiving keeps the metric's values in past years; new years leave it out. */
export function ArchiveMetricButton({ metricKey, archived }: { metricKey: string; archived: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    setPending(true);
    setError(null);
    const result = await reach(updateMetricAction({ params: { key: metricKey }, body: { archived: !archived } }));
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.refresh();
  };
  return (
    <div className="sm:text-right">
      <button type="button" className="btn-secondary" disabled={pending} onClick={toggle}>
        {pending ? "Saving…" : archived ? "Unarchive" : "Archive"}
      </button>
      <p className="mt-1 text-xs text-gray-600 sm:max-w-xs">
        {archived ? "Archived: kept in past years, left out of new ones." : "Archive to leave it out of new years; past values stay."}
      </p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
