import { headers } from "next/headers";
import { requirePageActor } from "@/server/auth/page-guard";

/**
 * Pages meant for paper: signed-in only, like the app, but without its header and navigation
 * so a browser's "Save as PDF" gives just the document.
 */
export default async function PrintLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor((await headers()).get("x-pathname") ?? "/");
  return <main className="mx-auto max-w-5xl bg-white px-6 py-8 print:max-w-none print:p-0">{children}</main>;
}
