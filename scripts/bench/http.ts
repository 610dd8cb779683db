/** A small HTTP client for the benchmark and the load test: a session cookie or a token, and timings. */

export type Caller = { base: string; headers: Record<string, string> };

/** Signs in through next-auth's credentials endpoint, as the login form does, and keeps the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<Caller> {
  const attempt = await attemptSignIn(base, email, password);
  if (!attempt.caller) throw new Error(`sign-in of ${email} failed: ${attempt.error}`);
  return attempt.caller;
}

/** One sign-in: the session, or the message next-auth would show on the form (the throttle's, say). */
export async function attemptSignIn(
  base: string,
  email: string,
  password: string,
): Promise<{ caller: Caller; error?: undefined } | { caller?: undefined; error: string }> {
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(r);
  const text = await r.text();
  if ([...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) return { caller: { base, headers: { cookie: cookie() } } };
  // A refusal redirects to the login page with the message in `error`, in the JSON body or the Location header.
  let target = r.headers.get("location") ?? "";
  try {
    target = (JSON.parse(text) as { url?: string }).url ?? target;
  } catch {
    // Not JSON: the Location header it is.
  }
  const error = target ? new URL(target, base).searchParams.get("error") : null;
  return { error: error ?? `status ${r.status}` };
}

/** Signs out as the account menu does: next-auth ends every session of the person (decision 012). */
export async function signOut(caller: Caller): Promise<number> {
  const csrf = await fetch(`${caller.base}/api/auth/csrf`, { headers: caller.headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  // The session's cookies already hold the CSRF cookie the token is checked against.
  const r = await fetch(`${caller.base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: caller.headers.cookie ?? "" },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  await r.arrayBuffer();
  return r.status;
}

export const withToken = (base: string, token: string): Caller => ({ base, headers: { authorization: `Bearer ${token}` } });

export type Timed = { status: number; ms: number; text: string; serverTiming: string | null };

/** One request, timed until the whole body has arrived (a page is not served until it is read). */
export async function timed(caller: Caller, method: string, path: string, body?: { type: string; data: string }): Promise<Timed> {
  const started = performance.now();
  const r = await fetch(caller.base + path, {
    method,
    redirect: "manual",
    headers: { ...caller.headers, ...(body ? { "content-type": body.type } : {}) },
    body: body?.data,
  });
  const text = await r.text();
  return { status: r.status, ms: performance.now() - started, text, serverTiming: r.headers.get("server-timing") };
}

/** Nearest-rank percentile of a sample. */
export function percentile(sample: number[], p: number): number {
  if (sample.length === 0) return NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
