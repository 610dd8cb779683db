import http from "node:http";

/**
 * The methods Report Desk answers. Next builds a WHATWG Request for every request, and that
 * constructor throws on TRACE (a forbidden method), so such a request became a 500 before any
 * route or the proxy could see it. Refusing at the HTTP server is the one place ahead of that.
 */
const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const allowed = new Set<string>(ALLOWED_METHODS);

/** Answers 405 (with the contract's error body) and returns true when the method is not one of ours. */
function refuseUnsupportedMethod(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (req.method && allowed.has(req.method)) return false;
  const body = JSON.stringify({
    error: { code: "method_not_allowed", message: `The method ${req.method ?? "(none)"} is not supported: use ${ALLOWED_METHODS.join(", ")}` },
  });
  res.writeHead(405, {
    Allow: ALLOWED_METHODS.join(", "),
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
  return true;
}

type Marked = typeof http.Server.prototype & { __methodGuard?: true };

/** Installed once at start-up (instrumentation): every HTTP server of the process checks the method first. */
export function installMethodGuard(): void {
  const proto = http.Server.prototype as Marked;
  if (proto.__methodGuard) return;
  proto.__methodGuard = true;
  // Called through Reflect.apply with the server as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request" && refuseUnsupportedMethod(args[0] as http.IncomingMessage, args[1] as http.ServerResponse)) return true;
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof proto.emit;
}
