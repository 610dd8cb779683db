import { z } from "zod";
import { rolesFor, type Permission } from "@/lib/auth/permissions";
import { yearParam } from "@/lib/validation/params";
import { errorBody, healthBody, metricBody, quoteBody, valueBody, yearBody } from "@/lib/validation/api";

/**
 * The API's operations, described with the zod schemas the handlers parse and answer with.
 * A new route adds one entry here; the document at /api/v1/openapi.json follows.
 */
export type Operation = {
  method: "get" | "post" | "put" | "delete";
  path: string;
  summary: string;
  permission: Permission | "public";
  params?: Record<string, z.ZodType>;
  query?: Record<string, z.ZodType>;
  body?: z.ZodType;
  bodyType?: string;
  response: z.ZodType;
  responseType?: string;
  errors?: number[];
};

const year = { year: yearParam };

export const operations: Operation[] = [
  { method: "get", path: "/api/health", summary: "Health of the server and its database", permission: "public", response: healthBody, errors: [503] },
  { method: "get", path: "/api/v1/metrics", summary: "Metric definitions", permission: "read", response: z.object({ metrics: z.array(metricBody) }) },
  { method: "get", path: "/api/v1/years", summary: "Reporting years", permission: "read", response: z.object({ years: z.array(yearBody) }) },
  {
    method: "get",
    path: "/api/v1/years/{year}/values",
    summary: "One row per metric for the year",
    permission: "read",
    params: year,
    response: z.object({ year: z.number().int(), values: z.array(valueBody) }),
    errors: [400, 404],
  },
  {
    method: "get",
    path: "/api/v1/years/{year}/quotes",
    summary: "The year's quotes",
    permission: "read",
    params: year,
    response: z.object({ year: z.number().int(), quotes: z.array(quoteBody) }),
    errors: [400, 404],
  },
];

const STATUS_TEXT: Record<number, string> = {
  400: "Malformed request",
  401: "Not signed in and no API token",
  403: "The role may not do this, or a cross-origin cookie write",
  404: "Not found",
  409: "Conflict: stale version or already exists; the body holds the current row",
  413: "Too large",
  415: "Unsupported media type",
  422: "Invalid input: `fields` says which and why",
  423: "The year is locked",
  503: "The database cannot be reached",
};

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: "openapi-3.0", io: "output", unrepresentable: "any" });

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const errors = op.permission === "public" ? (op.errors ?? []) : [401, 403, ...(op.errors ?? [])];
    const responses: Record<string, unknown> = {
      "200": { description: "OK", content: { [op.responseType ?? "application/json"]: { schema: schema(op.response) } } },
    };
    for (const status of [...new Set(errors)].sort()) {
      responses[String(status)] = { description: STATUS_TEXT[status] ?? "Error", content: { "application/json": { schema: schema(errorBody) } } };
    }
    const parameters = [
      ...Object.entries(op.params ?? {}).map(([name, s]) => ({ name, in: "path", required: true, schema: schema(s) })),
      ...Object.entries(op.query ?? {}).map(([name, s]) => ({ name, in: "query", required: !s.safeParse(undefined).success, schema: schema(s) })),
    ];
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      description: op.permission === "public" ? "No authentication." : `Roles: ${rolesFor(op.permission).join(", ")}.`,
      ...(op.permission === "public" ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { [op.bodyType ?? "application/json"]: { schema: schema(op.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.0.3",
    info: { title: "Report Desk API", version: "1", description: "Figures and quotes of the annual report on peace and security." },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token from `npm run cli -- token:create` or the account page" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}
