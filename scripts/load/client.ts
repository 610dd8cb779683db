/**
 * The load test's HTTP client: node:http with kept-alive connections, asking for gzip as a browser
 * does. It stands in for people at machines of their own, so what it spends on this machine's
 * cores is taken from the servers it measures: a page it only times is read off the socket and
 * not unpacked (a browser would unpack it on its own machine), which with `fetch` cost 8–9 ms of
 * this process's CPU a year page against about 1 ms here (docs/decisions/042-…).
 */
import http from "node:http";
import zlib from "node:zlib";
import type { Caller } from "../bench/http";

export type Answer = { status: number; ms: number; text: string };

export const REQUEST_TIMEOUT_MS = 30_000;
/**
 * One pool for the run: each editor's requests reuse a connection, as a browser's do. A server
 * closes a connection idle for 5 s (Node's keepAliveTimeout), and a request sent on it at that
 * moment dies with ECONNRESET (seen once in a 300 s run): the client drops its own idle
 * connections first, after 4 s, as undici does for `fetch`.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });

/**
 * One request. `timeOnly`: a successful answer's body is read to its end and dropped (its text is
 * empty); a refusal is still unpacked, so its message can be reported. A dropped connection or a
 * timeout is status 0 with the error as its text.
 */
export function request(caller: Caller, method: string, path: string, json?: unknown, opts: { timeOnly?: boolean } = {}): Promise<Answer> {
  const started = performance.now();
  const body = json === undefined ? undefined : JSON.stringify(json);
  return new Promise<Answer>((resolve) => {
    const failed = (error: unknown) => resolve({ status: 0, ms: performance.now() - started, text: error instanceof Error ? error.message : String(error) });
    const req = http.request(
      caller.base + path,
      {
        method,
        agent,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        headers: {
          ...caller.headers,
          "accept-encoding": "gzip",
          ...(body === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(body) }),
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const keep = !(opts.timeOnly && status >= 200 && status < 300);
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => {
          if (keep) chunks.push(chunk);
        });
        res.on("error", failed);
        res.on("end", () => {
          const ms = performance.now() - started;
          if (!keep) return resolve({ status, ms, text: "" });
          const raw = Buffer.concat(chunks);
          try {
            const text = (res.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw).toString("utf8");
            resolve({ status, ms, text });
          } catch (error) {
            failed(error);
          }
        });
      },
    );
    req.on("error", failed);
    req.end(body);
  });
}
