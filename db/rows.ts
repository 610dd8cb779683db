/** The rows of a raw `execute`: PGlite and pg both answer with `{ rows }`, typed differently. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
