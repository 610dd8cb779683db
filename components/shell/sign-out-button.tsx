"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn-secondary py-1.5"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        // No redirect from next-auth: without NEXTAUTH_URL it would aim at localhost:3000.
        await signOut({ redirect: false });
        router.replace("/login");
        router.refresh();
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
