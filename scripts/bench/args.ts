/** A command-line option that must be a whole number within bounds, or the run stops saying so. */
export function wholeNumber(option: string, raw: string | undefined, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${option} must be a whole number from ${min} to ${max}`);
  return n;
}

/**
 * DATABASE_URL when it names a PostgreSQL server; otherwise the run cannot start: `why` says what
 * it needs the server for, and the process exits with 2.
 */
export function postgresAdminUrl(why: string): string {
  const url = process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return url;
  console.error(`error: ${why}`);
  process.exit(2);
}
