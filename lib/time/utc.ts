/**
 * Moments as the app writes and shows them: always in UTC, so a download or a page reads the
 * same on every server and in every browser, whatever their time zones.
 */

// "2024-05-01 12:30:00" or "2024-05-01T12:30": a moment written without a zone or offset.
const ZONELESS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * A stored moment from a Date or its text, or null when it is no moment. Text without a zone
 * is read as UTC, never as the machine's local time: every column of the schema is a
 * `timestamp with time zone` written in UTC, and a zone-less text (as some drivers and
 * hand-made files give) means the same clock.
 */
export function parseInstant(v: Date | string): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  const trimmed = v.trim();
  const d = new Date(ZONELESS.test(trimmed) ? `${trimmed.replace(" ", "T")}Z` : trimmed);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** ISO 8601 in UTC ("2024-05-01T12:30:00.000Z"), or null when `v` is no moment. */
export function toIsoUtc(v: Date | string): string | null {
  return parseInstant(v)?.toISOString() ?? null;
}

/** "2031-03-04 09:41 UTC" for people; "—" when there is no moment. */
export function formatUtc(v: Date | string | null): string {
  const iso = v === null ? null : toIsoUtc(v);
  return iso === null ? "—" : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
