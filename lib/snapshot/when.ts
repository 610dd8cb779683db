/** "2026-11-28 09:41 UTC": the same on server and client, whatever their time zones. */
export function formatUtc(d: Date | string): string {
  const iso = (d instanceof Date ? d : new Date(d)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
