/**
 * The client's address for throttling and the audit log. The first X-Forwarded-For entry is
 * what a reverse proxy reports; without one, Next gives us no socket address, so "local".
 */
export function clientIpFromHeaders(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const real = headers.get("x-real-ip")?.trim();
  return (forwarded || real || "local").slice(0, 64);
}
