import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type * as Guard from "@/server/auth/guard";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

const calls = vi.hoisted(() => ({ actor: null as Actor | null, hops: 0, headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(calls.headers) }));
vi.mock("@/lib/env", async (importOriginal) => ({ ...(await importOriginal<object>()), getTrustedProxyHops: () => calls.hops }));
vi.mock("@/db/client", () => ({ getDb: () => Promise.resolve({}) }));
vi.mock("@/server/auth/guard", async (importOriginal) => ({
  ...(await importOriginal<typeof Guard>()),
  currentActor: () => Promise.resolve(calls.actor),
}));

const { guardedAction, publicAction } = await import("@/server/actions/safe-action");

const editor: Actor = { id: 1, email: "e@example.org", name: "E", role: "editor", via: "session" };

describe("guardedAction", () => {
  const work = vi.fn((input: unknown) => Promise.resolve(input));
  const action = guardedAction("values:write", z.object({ year: z.number(), fields: z.object({ note: z.string() }) }), work);
  // A direct POST to a server action can carry anything, whatever the type says.
  const post = action as (raw: unknown) => ReturnType<typeof action>;

  beforeEach(() => {
    calls.actor = editor;
    calls.hops = 0;
    calls.headers = new Headers();
    work.mockClear();
  });

  it("never hands an anonymous or unauthorised caller's input to the schema", async () => {
    const parsed = vi.fn();
    const watched = guardedAction("values:write", z.object({ note: z.string() }).transform((input) => (parsed(input), input)), work);
    calls.actor = null;
    expect(await watched({ note: "x" })).toMatchObject({ ok: false, code: "unauthorized" });
    calls.actor = { ...editor, role: "viewer" };
    expect(await watched({ note: "x" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(parsed).not.toHaveBeenCalled();
    calls.actor = editor;
    await watched({ note: "x" });
    expect(parsed).toHaveBeenCalledOnce();
  });

  it("takes the schema's input type, and still parses at run time what a direct POST sends", async () => {
    // @ts-expect-error: a page sending the wrong shape is a type error, not a runtime surprise.
    const typed = () => action({ year: "2061", fields: { note: "x" } });
    expect(await (typed as () => ReturnType<typeof action>)()).toMatchObject({ ok: false, code: "validation", fieldErrors: { year: expect.any(String) } });
    expect(work).not.toHaveBeenCalled();
  });

  it("gives the work the caller's address as the API does, only through a trusted proxy", async () => {
    calls.headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
    const seen = vi.fn((_input: unknown, ctx: { ip: string | null; actor: unknown }) => Promise.resolve(ctx.ip));
    const action = guardedAction("read", z.object({}), seen);
    expect(await action({})).toEqual({ ok: true, data: null });
    calls.hops = 1;
    expect(await action({})).toEqual({ ok: true, data: "203.0.113.9" });
    expect(seen.mock.calls[1]?.[1].actor).toEqual(editor);
    expect(await publicAction(z.object({}), (_input, ctx) => Promise.resolve(ctx))({})).toMatchObject({ ok: true, data: { actor: null, ip: "203.0.113.9" } });
  });

  it("checks the caller before it looks at the input", async () => {
    calls.actor = null;
    expect(await post({ nonsense: true })).toMatchObject({ ok: false, code: "unauthorized" });
    calls.actor = { ...editor, role: "viewer" };
    expect(await post({ fields: { note: "\u0000" } })).toMatchObject({ ok: false, code: "forbidden" });
    expect(work).not.toHaveBeenCalled();
  });

  it("refuses NUL in any string with the path of the field, and never calls the work", async () => {
    expect(await action({ year: 2061, fields: { note: "As of\u0000 June" } })).toEqual({
      ok: false,
      code: "validation",
      message: "Some fields are not valid",
      fieldErrors: { "fields.note": expect.stringContaining("NUL") },
    });
    expect(work).not.toHaveBeenCalled();
  });

  it("refuses deeply nested arguments as bad input", async () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(await post(deep)).toMatchObject({ ok: false, code: "bad_request" });
    expect(work).not.toHaveBeenCalled();
  });

  it("does the work for valid input", async () => {
    expect(await action({ year: 2061, fields: { note: "As of June" } })).toEqual({ ok: true, data: { year: 2061, fields: { note: "As of June" } } });
  });

  it("passes a refusal's row errors on as `rows`, and adds no `rows` to other refusals", async () => {
    const rows = [{ index: 2, metricKey: "peace_operations", code: "validation", message: "Value must be a whole number" }];
    const refuse = (extra?: Record<string, unknown>) => guardedAction("values:write", z.object({}), () => Promise.reject(new AppError("validation", "1 of 3 rows cannot be saved", undefined, extra)));
    expect(await refuse({ rows })({})).toMatchObject({ ok: false, code: "validation", rows, extra: { rows } });
    expect(await refuse({ current: null })({})).not.toHaveProperty("rows");
  });
});
