import { getTrustedProxyHops } from "@/lib/env";

/**
 * What the request says about its sender, believing forwarded headers only as far as
 * TRUSTED_PROXY allows. Each proxy appends the address it was reached from to
 * X-Forwarded-For, so with N proxies of ours the client is the N-th entry from the right;
 * anything left of it was written by the client and proves nothing. Next's route handlers
 * expose no socket address, so without a trusted proxy there is no address at all.
 */
export type Forwarded = { address: string | null; host: string | null; https: boolean };

const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;

export function readForwarded(headers: Headers, hops: number, protocol?: string): Forwarded {
  const host = headers.get("host");
  const https = protocol === "https:";
  if (hops <= 0) return { address: null, host, https };
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = chain.length >= hops ? chain[chain.length - hops] : undefined;
  const forwardedHost = lastEntry(headers.get("x-forwarded-host"));
  const forwardedProto = lastEntry(headers.get("x-forwarded-proto"));
  return {
    address: candidate && ADDRESS.test(candidate) ? candidate : null,
    host: forwardedHost ?? host,
    https: forwardedProto ? forwardedProto.toLowerCase() === "https" : https,
  };
}

/** The nearest proxy's value is the right-most one. */
function lastEntry(value: string | null): string | null {
  return value?.split(",").pop()?.trim() || null;
}

/** The client's address for throttling and the audit log, or null when nothing trustworthy says it. */
export function clientIpFromHeaders(headers: Headers): string | null {
  return readForwarded(headers, getTrustedProxyHops()).address;
}

/** The host the client asked for, for the same-origin check of cookie writes. */
export function requestHost(headers: Headers): string | null {
  return readForwarded(headers, getTrustedProxyHops()).host;
}
