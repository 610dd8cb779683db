"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";

/**
 * What a person sees when a page fails: in production Next hides the server's message,
 * so the most likely cause (the database) is named and a retry offered; the app recovers
 * on its own when the database is back.
 */
export function ErrorPanel({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  // reset() alone re-renders only the client; the server part must be fetched again too.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div role="alert" className="card p-6">
      <h1 className="text-xl font-semibold">This page could not be loaded</h1>
      <p className="mt-2 text-gray-700">
        The server could not complete the request. This usually means the database cannot be reached right now; your saved work is safe. Try again in a moment.
      </p>
      {error.digest ? <p className="mt-2 text-xs text-gray-500">Reference: {error.digest}</p> : null}
      <button type="button" className="btn-primary mt-4" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
