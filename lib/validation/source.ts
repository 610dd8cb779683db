/**
 * A source is either a web address or free text ("UN Women annual report, p. 12"). Which one
 * is decided here, once: text that starts like a web address must be one, so a typo such as
 * "http://%zz" is refused when saved instead of breaking the page that shows it.
 */
const LOOKS_LIKE_ADDRESS = /^https?:\/\//i;

export type SourceLink = { href: string; host: string };

/** The link to show for a source, or null when it is free text (or, stored before this check, not a usable address). */
export function sourceLink(source: string): SourceLink | null {
  if (!LOOKS_LIKE_ADDRESS.test(source) || /\s/.test(source)) return null;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) return null;
  return { href: url.href, host: url.hostname };
}

/** null when the source is acceptable, else the reason. */
export function sourceProblem(source: string): string | null {
  if (!LOOKS_LIKE_ADDRESS.test(source)) return null;
  return sourceLink(source) ? null : "Source starts like a web address but is not a valid one: check it, or write the source as text";
}
