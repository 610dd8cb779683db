/**
 * A stored moment as people read it, the same on the server and in the browser (no locale or
 * time zone of the machine involved, so server render and hydration agree): "2031-03-04 09:41 UTC".
 */
export function formatWhen(iso: string | Date | null): string {
  if (!iso) return "—";
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
