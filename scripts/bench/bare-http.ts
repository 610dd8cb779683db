/**
 * The benchmark's lowest floor for a signed-in read: a bare node:http server that checks the same
 * Bearer API token the app accepts (the same sha256 and the same lookup as server/auth/guard.ts) and
 * answers GET /api/v1/years with the same query and JSON as the app, through pg and nothing else.
 * What the app costs above it is what Next, the guard and Drizzle add. PostgreSQL only: a PGlite
 * folder belongs to one process, the app's server.
 *
 * `DATABASE_URL=… PORT=… tsx scripts/bench/bare-http.ts`; scripts/bench/server.ts starts it.
 */
import http from "node:http";
import { Pool } from "pg";
import { hashToken } from "../../lib/auth/tokens";

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
if (!url || !port) throw new Error("bare-http needs DATABASE_URL and PORT");

const pool = new Pool({ connectionString: url, max: 10 });

const TOKEN_SQL = `
  select u.id, u.role from api_tokens t join users u on u.id = t.user_id
  where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > $2) and u.active`;

const YEARS_SQL = `
  select y.year, y.status, y.locked_at, y.return_message, c.n from reporting_years y
  left join (select year, count(*) n from metric_values where value is not null group by year) c on c.year = y.year
  order by y.year desc`;

type YearRow = { year: number; status: string; locked_at: Date | null; return_message: string | null; n: string | null };

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function answer(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.method === "GET" && req.url === "/api/health") return send(res, 200, { status: "ok" });
  if (req.method !== "GET" || req.url !== "/api/v1/years") return send(res, 404, { error: { code: "not_found", message: "Not here" } });
  const match = /^Bearer\s+(\S+)$/i.exec((req.headers.authorization ?? "").trim());
  const caller = match?.[1] ? (await pool.query<{ id: number; role: string }>(TOKEN_SQL, [hashToken(match[1]), new Date()])).rows[0] : undefined;
  if (!caller) return send(res, 401, { error: { code: "unauthorized", message: "Send an API token" } });
  const { rows } = await pool.query<YearRow>(YEARS_SQL);
  send(res, 200, {
    years: rows.map((r) => ({
      year: r.year,
      status: r.status,
      lockedAt: r.locked_at?.toISOString() ?? null,
      valueCount: Number(r.n ?? 0),
      returnMessage: r.return_message,
    })),
  });
}

const server = http.createServer((req, res) => {
  answer(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) send(res, 500, { error: { code: "internal", message: "failed" } });
  });
});

async function main() {
  // Connected before it listens, as the app is before its health check answers.
  (await pool.connect()).release();
  server.listen(port, "127.0.0.1", () => console.log(`bare-http listening on ${port}`));
  process.on("SIGTERM", () => {
    server.close();
    void pool.end();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
