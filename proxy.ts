import { NextResponse, type NextRequest } from "next/server";
import { refuseBadServerAction } from "@/lib/http/action-request";
import { cameOverHttps, HSTS } from "@/lib/http/security-headers";

/**
 * Headers, and a first look at server action posts (lib/http/action-request.ts): a per-request
 * CSP nonce (Next applies it to its own scripts when it sees the policy on the request) and
 * HSTS over https. Authorisation lives in the server guard. API routes are not matched: a proxy makes Next buffer request bodies before the
 * route's own size cap applies, so they set their headers themselves (lib/http/security-headers.ts).
 * Server-Timing says how long the proxy itself took: a page's render happens after its headers
 * are fixed and cannot be reported there (docs/decisions/022-server-timing.md).
 */
export async function proxy(request: NextRequest) {
  const started = performance.now();
  const refused = await refuseBadServerAction(request);
  if (refused) return refused;
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV !== "production";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts and Next set style attributes at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  // Lets server layouts send a signed-out visitor back to the page they asked for.
  requestHeaders.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (cameOverHttps(request)) response.headers.set("Strict-Transport-Security", HSTS);
  response.headers.set("Server-Timing", `proxy;dur=${(performance.now() - started).toFixed(2)}`);
  return response;
}

export const config = {
  // Static assets need no nonce; API routes set their own headers.
  matcher: [{ source: "/((?!api/|api$|_next/static|_next/image|favicon.ico).*)" }],
};
