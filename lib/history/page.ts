/**
 * A page of revisions, newest first, read with one row more than is shown: that extra row is the
 * revision just before the oldest one shown, so even the last row of a page can show what it changed.
 */
export function historyPage<T extends { id: number }>(rows: T[], size: number): { shown: T[]; older: T | null; nextBefore: number | null } {
  const shown = rows.slice(0, size);
  const last = shown[shown.length - 1];
  return { shown, older: rows[size] ?? null, nextBefore: rows.length > size && last ? last.id : null };
}

export const HISTORY_PAGE_SIZE = 20;
