/**
 * Where to send someone after sign-in: only a path on this site. Browsers drop tabs and line
 * breaks from URLs and read a backslash as a slash, so "/\t/evil.example" becomes
 * "//evil.example", another site. Such characters are refused anywhere, also once decoded.
 */
const UNSAFE = /[\u0000-\u001f\u007f\\]/;
// Stands for "this site": only the path, query and fragment of the answer are ever used.
const OWN_ORIGIN = "http://report-desk.invalid";
const MAX_LENGTH = 2_048;

export function safeReturnPath(value: string | null | undefined): string {
  if (!value || value.length > MAX_LENGTH || !value.startsWith("/") || value.startsWith("//") || UNSAFE.test(value)) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return "/";
  }
  if (decoded.startsWith("//") || UNSAFE.test(decoded)) return "/";
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== OWN_ORIGIN) return "/";
  return url.pathname + url.search + url.hash;
}

/**
 * next-auth's `redirect` callback: where its own endpoints (a direct POST to
 * /api/auth/callback/credentials, sign-out) send someone, held to the same rule.
 */
export function sameSiteRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
  return `${baseUrl}${safeReturnPath(path)}`;
}
