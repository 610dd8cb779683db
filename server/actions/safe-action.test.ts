import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type * as Guard from "@/server/auth/guard";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { defineOperation } from "@/server/operation";
import { yearParams } from "@/lib/validation/params";

const calls = vi.hoisted(() => ({ actor: null as Actor | null, hops: 0, headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(calls.headers) }));
vi.mock("@/lib/env", async (importOriginal) => ({ ...(await importOriginal<object>()), getTrustedProxyHops: () => calls.hops }));
vi.mock("@/db/client", () => ({ getDb: () => Promise.resolve({}) }));
vi.mock("@/server/auth/guard", async (importOriginal) => ({
  ...(await importOriginal<typeof Guard>()),
  currentActor: () => Promise.resolve(calls.actor),
}));

const { action } = await import("@/server/actions/safe-action");

const editor: Actor = { id: 1, email: "e@example.org", name: "E", role: "editor", via: "session" };

describe("action", () => {
  const work = vi.fn((input: { params: unknown; body: unknown }) => Promise.resolve({ params: input.params, body: input.body }));
  const note = defineOperation({
    method: "PUT",
    path: "/api/v1/things/{year}",
    summary: "A thing",
    permission: "values:write",
    params: yearParams,
    body: z.object({ note: z.string() }),
    response: z.object({ params: z.object({ year: z.number() }), body: z.object({ note: z.string() }) }),
    handler: work,
  });
  const save = action(note);
  // A direct POST to a server action can carry anything, whatever the type says.
  const post = save as (raw: unknown) => ReturnType<typeof save>;

  beforeEach(() => {
    calls.actor = editor;
    calls.hops = 0;
    calls.headers = new Headers();
    work.mockClear();
  });

  it("never hands an anonymous or unauthorised caller's input to the schema", async () => {
    const parsed = vi.fn();
    const watched = action({ ...note, body: z.object({ note: z.string() }).transform((input) => (parsed(input), input)) });
    calls.actor = null;
    expect(await watched({ params: { year: 2061 }, body: { note: "x" } })).toMatchObject({ ok: false, code: "unauthorized" });
    calls.actor = { ...editor, role: "viewer" };
    expect(await watched({ params: { year: 2061 }, body: { note: "x" } })).toMatchObject({ ok: false, code: "forbidden" });
    expect(parsed).not.toHaveBeenCalled();
    calls.actor = editor;
    await watched({ params: { year: 2061 }, body: { note: "x" } });
    expect(parsed).toHaveBeenCalledOnce();
  });

  it("takes the route's path parameters and body by name, typed, and still parses what a direct POST sends", async () => {
    // @ts-expect-error: a page sending the fields of the body loose is a type error, not a runtime surprise.
    const typed = () => save({ year: 2061, note: "x" });
    expect(await typed()).toMatchObject({ ok: false, code: "validation", fieldErrors: { year: expect.any(String) } });
    expect(await post({ params: { year: "twenty" }, body: { note: "x" } })).toMatchObject({ ok: false, code: "validation" });
    expect(work).not.toHaveBeenCalled();
  });

  it("gives the work the caller's address as the API does, only through a trusted proxy; an operation open to anyone gets no actor", async () => {
    calls.headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
    const seen = vi.fn((ctx: { ip: string | null; actor: unknown }) => Promise.resolve({ ip: ctx.ip, actor: ctx.actor }));
    const read = action(defineOperation({ method: "GET", summary: "who", permission: "read", response: z.unknown(), handler: seen }));
    expect(await read({})).toEqual({ ok: true, data: { ip: null, actor: editor } });
    calls.hops = 1;
    expect(await read({})).toEqual({ ok: true, data: { ip: "203.0.113.9", actor: editor } });
    calls.actor = null;
    const open = action(defineOperation({ method: "POST", summary: "set-up", permission: "public", response: z.unknown(), handler: seen }));
    expect(await open({})).toEqual({ ok: true, data: { ip: "203.0.113.9", actor: null } });
  });

  it("checks the caller before it looks at the input", async () => {
    calls.actor = null;
    expect(await post({ nonsense: true })).toMatchObject({ ok: false, code: "unauthorized" });
    calls.actor = { ...editor, role: "viewer" };
    expect(await post({ body: { note: "\u0000" } })).toMatchObject({ ok: false, code: "forbidden" });
    expect(work).not.toHaveBeenCalled();
  });

  it("refuses NUL in any string with the field's name as the form knows it, and never calls the work", async () => {
    expect(await save({ params: { year: 2061 }, body: { note: "As of\u0000 June" } })).toEqual({
      ok: false,
      code: "validation",
      message: "Some fields are not valid",
      fieldErrors: { note: expect.stringContaining("NUL") },
    });
    expect(work).not.toHaveBeenCalled();
  });

  it("refuses deeply nested arguments, and anything but an envelope, as bad input", async () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(await post({ body: deep })).toMatchObject({ ok: false, code: "bad_request" });
    expect(await post(deep)).toMatchObject({ ok: false, code: "bad_request" });
    expect(work).not.toHaveBeenCalled();
  });

  it("does the work for valid input and answers what the route answers", async () => {
    expect(await save({ params: { year: "2061" }, body: { note: "As of June" } })).toEqual({
      ok: true,
      data: { params: { year: 2061 }, body: { note: "As of June" } },
    });
  });

  it("passes a refusal's row errors on as `rows`, and adds no `rows` to other refusals", async () => {
    const rows = [{ index: 2, metricKey: "peace_operations", code: "validation", message: "Value must be a whole number" }];
    const refuse = (extra?: Record<string, unknown>) =>
      action(
        defineOperation({
          method: "PUT",
          summary: "batch",
          permission: "values:write",
          response: z.unknown(),
          handler: () => Promise.reject(new AppError("validation", "1 of 3 rows cannot be saved", undefined, extra)),
        }),
      );
    expect(await refuse({ rows })({})).toMatchObject({ ok: false, code: "validation", rows, extra: { rows } });
    expect(await refuse({ current: null })({})).not.toHaveProperty("rows");
  });

  it("in the test suites, refuses an answer its documented schema does not describe", async () => {
    const wrong = action(
      defineOperation({
        method: "GET",
        path: "/api/v1/wrong",
        summary: "wrong",
        permission: "read",
        response: z.object({ year: z.number() }),
        handler: () => Promise.resolve({ year: "2061" }),
      }),
    );
    vi.stubEnv("REPORT_DESK_CHECK_RESPONSES", "1");
    try {
      expect(await wrong({})).toMatchObject({ ok: false, code: "internal" });
    } finally {
      vi.unstubAllEnvs();
    }
    vi.stubEnv("REPORT_DESK_CHECK_RESPONSES", "0");
    expect(await wrong({})).toMatchObject({ ok: true });
    vi.unstubAllEnvs();
  });
});
