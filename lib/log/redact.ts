/**
 * Failed queries reach the log with their parameters (drizzle writes "params: …" into the
 * message and so into the stack), and those include password hashes, token digests and the
 * email typed at sign-in. The statement is kept; the parameters are not.
 */
const PARAMS = /\nparams: [\s\S]*?(?=\n\s+at |$)/;
const REDACTED = "\nparams: [not logged]";
const MAX_CAUSES = 5;
/** Own properties that carry the values of a failed statement: drizzle's `params`, PostgreSQL's `detail` ("Key (email)=(…)"). */
const VALUE_CARRIERS = new Set(["params", "parameters", "detail"]);

function redactText(text: string): string {
  return text.replace(PARAMS, REDACTED);
}

/** A copy of what is about to be logged, with query parameters removed from every error in its cause chain. */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (!(value instanceof Error) || depth > MAX_CAUSES) return value;
  const copy = new Error(redactText(value.message));
  copy.name = value.name;
  copy.stack = value.stack === undefined ? undefined : redactText(value.stack);
  // Everything else stays (code, Next's digest that the error page shows as a reference).
  for (const [key, field] of Object.entries(value as object) as [string, unknown][]) {
    if (VALUE_CARRIERS.has(key) || key === "cause") continue;
    Object.assign(copy, { [key]: typeof field === "string" ? redactText(field) : field });
  }
  if (value.cause !== undefined) copy.cause = redactForLog(value.cause, depth + 1);
  return copy;
}

type Logger = Pick<Console, "error" | "warn">;

/**
 * Applied once at start-up (instrumentation) so that Next's own logging of a failed page
 * render is redacted too, not only the app's own log lines.
 */
export function installLogRedaction(logger: Logger = console): void {
  const marked = logger as Logger & { __redacting?: true };
  if (marked.__redacting) return;
  marked.__redacting = true;
  for (const level of ["error", "warn"] as const) {
    const write = logger[level].bind(logger);
    logger[level] = (...args: unknown[]) => write(...args.map((arg) => redactForLog(arg)));
  }
}
