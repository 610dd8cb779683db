"use client";

import { useEffect, useState } from "react";
import type { Strength } from "@/lib/auth/password-strength";

const LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;
const COLOURS = ["bg-red-600", "bg-orange-500", "bg-yellow-500", "bg-green-600", "bg-green-700"] as const;

/** Live strength of a password being chosen; the dictionary loads on first keystroke. */
export function PasswordMeter({ password, id }: { password: string; id: string }) {
  const [strength, setStrength] = useState<Strength | null>(null);

  useEffect(() => {
    if (!password) return;
    let cancelled = false;
    void import("@/lib/auth/password-strength").then(({ measurePassword }) =>
      measurePassword(password).then((s) => {
        if (!cancelled) setStrength(s);
      }),
    );
    return () => {
      cancelled = true;
    };
  }, [password]);

  const shown = password ? strength : null;
  const score = shown ? (shown.common ? 0 : shown.score) : -1;
  return (
    <div id={id} className="mt-2" aria-live="polite">
      <div className="flex gap-1" aria-hidden="true">
        {LABELS.map((_, i) => (
          <span key={i} className={`h-1.5 flex-1 rounded-full ${i <= score ? COLOURS[Math.max(score, 0)] : "bg-gray-200"}`} />
        ))}
      </div>
      <p className="mt-1 text-xs text-gray-600">
        {shown
          ? `Strength: ${LABELS[Math.max(score, 0)]}${shown.common ? " (a common password)" : ""}${shown.warning ? ` — ${shown.warning}` : ""}`
          : "At least 12 characters. Any characters; a few unrelated words make a strong password."}
      </p>
    </div>
  );
}
