import { z } from "zod";
import { rolesFor, type Permission } from "@/lib/auth/permissions";
import { errorBody } from "@/lib/validation/api";

/**
 * What the OpenAPI document says of one operation. Each operation is defined once, in
 * server/operations/ (decision 027), with these fields beside its handler; the document at
 * /api/v1/openapi.json is built from that list, so it describes exactly what the routes serve.
 */
export type OperationDoc = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The route's path; an operation without one is a page's server action only. */
  path?: string;
  summary: string;
  permission: Permission | "public";
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Shown instead of `body` when the handler parses the body itself. */
  documentedBody?: z.ZodType;
  /** The body may be left out altogether (a plain lock). */
  bodyOptional?: boolean;
  /** Content types of the request body; all share the body's schema. */
  bodyTypes?: string[];
  response: z.ZodType;
  /** Content types of the 200 answer; all share `response`'s schema. */
  responseTypes?: string[];
  /** Status of success when not 200 (e.g. 201 Created). */
  successStatus?: number;
  errors?: number[];
  /** Error bodies richer than the common one, by status (an import's row errors). */
  errorBodies?: Record<number, z.ZodType>;
};

export const DOWNLOAD_TYPES = [
  "text/csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/json",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];
export const EXPORT_FORMAT_TEXT =
  "`format=csv` (the CSV columns of the contract), `xlsx` (Figures, Quotes and About sheets), `json` (docs/export-format.md) or `docx` (the chapter as a Word document: headings, paragraphs with live figures filled in, figures as printed, quotes, captions with credits, operations; a year not locked is marked Draft with its missing figures); a download with `Content-Disposition: attachment`.";
/** A file download or upload: the schema says "a file", the content types say which kinds. */
export const fileSchema = z.string().meta({ format: "binary" });

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

export function buildOpenApiDocument(operations: readonly OperationDoc[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    if (!op.path) continue;
    const body = op.documentedBody ?? op.body;
    const errors = op.permission === "public" ? (op.errors ?? []) : [401, 403, ...(op.errors ?? [])];
    const content = (types: string[] | undefined, s: z.ZodType) => Object.fromEntries((types ?? ["application/json"]).map((t) => [t, { schema: schema(s) }]));
    const responses: Record<string, unknown> = {
      [String(op.successStatus ?? 200)]: { description: op.successStatus === 201 ? "Created" : "OK", content: content(op.responseTypes, op.response) },
    };
    for (const status of [...new Set(errors)].sort()) {
      responses[String(status)] = {
        description: STATUS_TEXT[status] ?? "Error",
        content: { "application/json": { schema: schema(op.errorBodies?.[status] ?? errorBody) } },
      };
    }
    const parameters = [
      ...Object.entries(op.params?.shape ?? {}).map(([name, s]) => ({ name, in: "path", required: true, schema: schema(s as z.ZodType) })),
      ...Object.entries((op.query?.shape ?? {}) as Record<string, z.ZodType>).map(([name, s]) => ({
        name,
        in: "query",
        required: !s.safeParse(undefined).success,
        schema: schema(s),
      })),
    ];
    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      summary: op.summary,
      description: op.permission === "public" ? "No authentication." : `Roles: ${rolesFor(op.permission).join(", ")}.`,
      ...(op.permission === "public" ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: { required: !op.bodyOptional, content: content(op.bodyTypes, body) } } : {}),
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
