/**
 * CSV/formula injection guard (OWASP "CSV Injection").
 *
 * Spreadsheets evaluate a cell that starts with `=`, `+`, `-` or `@` (and some
 * also after a leading tab or carriage return) as a formula, so an exported
 * note such as `=HYPERLINK(...)` could run on an analyst's machine. Prefixing a
 * single quote makes every spreadsheet treat the cell as text; the import strips
 * that one quote again so a round trip is lossless.
 *
 * Apply only to free-text cells. Numeric value cells are written by us as plain
 * numbers, and "-5" must stay a negative number, not become the text "'-5".
 */

const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * Does the text, after any run of leading quotes, start with a trigger?
 *
 * Looking past existing quotes keeps the pair exactly reversible: a note that
 * legitimately starts with `'=` is exported as `''=` and restored to `'=`,
 * instead of losing its quote on import. Text such as `'hello` is never touched.
 */
function quotedTrigger(text: string, minQuotes: number): boolean {
  let i = 0;
  while (text[i] === "'") i += 1;
  return i >= minQuotes && TRIGGERS.has(text[i] ?? "");
}

/** Prefixes `'` to text a spreadsheet would run as a formula. */
export function neutraliseCell(text: string): string {
  return quotedTrigger(text, 0) ? `'${text}` : text;
}

/** Removes exactly one `'` that `neutraliseCell` added; everything else is left as is. */
export function restoreCell(text: string): string {
  return quotedTrigger(text, 1) ? text.slice(1) : text;
}
