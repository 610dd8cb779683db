import { NextRequest } from "next/server";
import { defineOperation } from "@/server/operation";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type * as Guard from "@/server/auth/guard";
import type { Actor } from "@/lib/auth/actor";
import { AppError, type ErrorCode } from "@/lib/errors";

// Both doors, each behind its own guard: the API's (resolveActor) and the actions' (currentActor).
const editor: Actor = { id: 1, email: "e@example.org", name: "E", role: "editor", via: "token" };
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(new Headers()) }));
vi.mock("@/db/client", () => ({ getDb: () => Promise.resolve({}) }));
vi.mock("@/server/auth/guard", async (importOriginal) => ({
  ...(await importOriginal<typeof Guard>()),
  resolveActor: () => Promise.resolve(editor),
  currentActor: () => Promise.resolve(editor),
}));

const { testRoute: apiRoute } = await import("@/tests/support/operation-route");

const { action } = await import("@/server/actions/safe-action");
const failing = (error: unknown) =>
  action(defineOperation({ method: "GET", summary: "fails", permission: "read", response: z.unknown(), handler: () => Promise.reject(error) }));

// The statuses docs/API.md promises, written out rather than read from lib/errors.ts, so a
// change there that breaks the contract fails here.
const CONTRACT_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  checks_failed: 422,
  locked: 423,
  too_many_requests: 429,
  unavailable: 503,
} satisfies Record<ErrorCode, number>;

const zodError = z.object({ value: z.number() }).safeParse({ value: "x" }).error!;
const cases: { name: string; error: unknown; status: number; code: string; message?: string }[] = [
  ...Object.entries(CONTRACT_STATUS).map(([code, status]) => ({
    name: `AppError ${code}`,
    error: new AppError(
      code as ErrorCode,
      `Refused as ${code}`,
      code === "validation" ? { note: "Too long" } : undefined,
      code === "conflict" ? { current: { version: 3 } } : undefined,
    ),
    status,
    code,
    message: `Refused as ${code}`,
  })),
  {
    name: "a batch refused row by row",
    error: new AppError("validation", "1 of 2 rows cannot be saved", undefined, { rows: [{ index: 1, metricKey: "m", code: "validation", message: "No" }] }),
    status: 422,
    code: "validation",
  },
  { name: "ZodError from a command", error: zodError, status: 422, code: "validation", message: "Some fields are not valid" },
  {
    name: "database unavailable",
    error: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    status: 503,
    code: "unavailable",
  },
  {
    name: "statement timeout",
    error: Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }),
    status: 503,
    code: "timeout",
  },
  {
    name: "statement timeout wrapped by the driver",
    error: new Error("Failed query", { cause: Object.assign(new Error("canceling statement"), { code: "57014" }) }),
    status: 503,
    code: "timeout",
  },
  {
    name: "unknown Error",
    error: new Error("secret table detail"),
    status: 500,
    code: "internal",
    message: "Something went wrong on the server; it has been logged",
  },
];

describe("one error mapping for API routes and server actions", () => {
  const logged = vi.fn();
  beforeEach(() => {
    vi.spyOn(console, "error").mockImplementation(logged);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    logged.mockReset();
  });

  it.each(cases)("$name: the same code, message, fields and extra through both, with the contract's status", async ({ error, status, code, message }) => {
    const response = await apiRoute({ permission: "read" }, () => Promise.reject(error))(new NextRequest("http://desk.test/api/v1/thing"), {
      params: Promise.resolve({}),
    });
    const { error: body, ...extra } = (await response.json()) as {
      error: { code: string; message: string; fields?: Record<string, string> };
      rows?: unknown;
    };
    const result = await failing(error)({});

    expect(response.status).toBe(status);
    expect(body.code).toBe(code);
    if (message) expect(body.message).toBe(message);
    expect(result).toEqual({
      ok: false,
      code: body.code,
      message: body.message,
      ...(body.fields ? { fieldErrors: body.fields } : {}),
      ...(Object.keys(extra).length ? { extra } : {}),
      ...(Array.isArray(extra.rows) ? { rows: extra.rows } : {}),
    });
    expect(JSON.stringify(body)).not.toContain("secret table detail");
  });

  it("logs what is not the caller's fault, naming the door it came through, and nothing else", async () => {
    const crash = new Error("secret table detail");
    await apiRoute({ permission: "read" }, () => Promise.reject(crash))(new NextRequest("http://desk.test/api/v1/thing"), { params: Promise.resolve({}) });
    await failing(crash)({});
    expect(logged.mock.calls.map(([label, error]) => [label, error])).toEqual([
      ["[api] unexpected error:", crash],
      ["[action] unexpected error:", crash],
    ]);
    logged.mockClear();
    await failing(new AppError("locked", "The year is locked"))({});
    expect(logged).not.toHaveBeenCalled();
  });
});
