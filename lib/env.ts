import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads process.env. Parsed lazily, once, so that `next build`
 * (which imports route modules) does not need production secrets, while start-up
 * (instrumentation.ts) and the CLI fail loudly on a bad setting.
 */
/**
 * How many reverse proxies stand in front of the app. Forwarded headers are anyone's to write,
 * so they are read only when this says a proxy of ours wrote them (0: never).
 */
const trustedProxySchema = z.preprocess(
  (raw) => (raw === undefined || raw === "" ? "0" : raw),
  z
    .string()
    .trim()
    .regex(/^(10|\d)$/, "TRUSTED_PROXY must be the number of proxies in front of the app (0 to 10)")
    .transform(Number),
);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().trim().min(1).default("./.data"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  AUTH_SECRET: z.string().optional(),
  NEXTAUTH_SECRET: z.string().optional(),
  /** Longest a single SQL statement may run before PostgreSQL cancels it. */
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** Pool size for PostgreSQL; PGlite is single-connection by design. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  TRUSTED_PROXY: trustedProxySchema,
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  databaseUrl: string | undefined;
  databaseKind: "pglite" | "postgres";
  dataDir: string;
  port: number;
  authSecret: string;
  statementTimeoutMs: number;
  poolSize: number;
  trustedProxyHops: number;
};

export class EnvError extends Error {}

const MIN_SECRET_LENGTH = 32;

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= loadEnv(process.env);
  return cached;
}

export function loadEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EnvError(`Invalid setting ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const databaseKind = e.DATABASE_URL ? "postgres" : "pglite";
  const given = e.AUTH_SECRET || e.NEXTAUTH_SECRET;
  let authSecret: string;
  if (given && given.length >= MIN_SECRET_LENGTH) {
    authSecret = given;
  } else if (databaseKind === "postgres" && e.NODE_ENV === "production") {
    // Several instances share a PostgreSQL database: a per-machine secret would sign people out at random.
    throw new EnvError(
      `AUTH_SECRET is ${given ? "too short" : "missing"}: with a PostgreSQL DATABASE_URL in production, set AUTH_SECRET to at least ${MIN_SECRET_LENGTH} random characters (e.g. \`openssl rand -base64 32\`).`,
    );
  } else {
    authSecret = readOrCreateSecret(dataDir);
  }
  return {
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    databaseKind,
    dataDir,
    port: e.PORT,
    authSecret,
    statementTimeoutMs: e.STATEMENT_TIMEOUT_MS,
    poolSize: e.DATABASE_POOL_SIZE,
    trustedProxyHops: e.TRUSTED_PROXY,
  };
}

/** The embedded default keeps its generated secret beside its data, so sessions survive restarts. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= MIN_SECRET_LENGTH) return existing;
  } catch {
    // Not there yet: create it below.
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

let hops: number | undefined;

/**
 * TRUSTED_PROXY alone, for proxy.ts: the rest of the settings (and the secret they create in
 * DATA_DIR) are not needed to decide on a header.
 */
export function getTrustedProxyHops(): number {
  hops ??= cached?.trustedProxyHops ?? parseTrustedProxy(process.env.TRUSTED_PROXY);
  return hops;
}

function parseTrustedProxy(raw: string | undefined): number {
  const parsed = trustedProxySchema.safeParse(raw);
  if (!parsed.success) throw new EnvError(`Invalid setting TRUSTED_PROXY: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

/** The password of `npm run cli -- user:create`, which API.md says comes from $PASSWORD. */
export function readCliPassword(): string | undefined {
  return process.env.PASSWORD;
}

/**
 * The write at which a fault test wants the server to stop and wait for its SIGKILL
 * (db/commands/fault-point.ts). Never set outside e2e/faults.spec.ts.
 */
export function faultPointSetting(): string | undefined {
  return process.env.REPORT_DESK_FAULT_POINT || undefined;
}

/**
 * Whether /api/bench-floor answers (app/api/bench-floor/route.ts). Read on every call: only the
 * benchmark's server sets it, and a test switches it on and off.
 */
export function benchFloorEnabled(): boolean {
  return process.env.BENCH_FLOOR === "1";
}
