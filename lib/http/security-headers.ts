import { readForwarded } from "@/lib/auth/client-ip";
import { getTrustedProxyHops } from "@/lib/env";

/**
 * Headers set on every answer by the app itself. Pages get theirs (with a per-request nonce)
 * from proxy.ts; API routes are left out of the proxy so that Next does not buffer their
 * bodies before the route's own size cap, and get theirs here.
 */
export const HSTS = "max-age=63072000; includeSubDomains";
/** JSON and downloads need no scripts, styles or frames of their own. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** HSTS means something only over https, and a plain-http answer must not pin a host to it. */
export function cameOverHttps(request: Request): boolean {
  return readForwarded(request.headers, getTrustedProxyHops(), new URL(request.url).protocol).https;
}

/** `serverTiming`: the answer's Server-Timing header (server/http/server-timing.ts). */
export function withApiHeaders(response: Response, request: Request, serverTiming?: string): Response {
  let secured = response;
  try {
    setApiHeaders(secured.headers, request, serverTiming);
  } catch {
    // Headers of a fetched or re-used Response are immutable: copy it.
    secured = new Response(response.body, response);
    setApiHeaders(secured.headers, request, serverTiming);
  }
  return secured;
}

function setApiHeaders(headers: Headers, request: Request, serverTiming: string | undefined) {
  headers.set("Content-Security-Policy", API_CSP);
  headers.set("X-Content-Type-Options", "nosniff");
  if (cameOverHttps(request)) headers.set("Strict-Transport-Security", HSTS);
  if (serverTiming) headers.set("Server-Timing", serverTiming);
}
