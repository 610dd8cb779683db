import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type * as Guard from "@/lib/auth/guard";
import type { Actor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";

const calls = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(new Headers()) }));
vi.mock("@/db/client", () => ({ getDb: () => Promise.resolve({}) }));
vi.mock("@/lib/auth/guard", async (importOriginal) => ({
  ...(await importOriginal<typeof Guard>()),
  currentActor: () => Promise.resolve(calls.actor),
}));

const { guardedAction } = await import("./safe-action");

const editor: Actor = { id: 1, email: "e@example.org", name: "E", role: "editor", via: "session" };

describe("guardedAction", () => {
  const work = vi.fn((input: unknown) => Promise.resolve(input));
  const action = guardedAction("values:write", z.object({ year: z.number(), fields: z.object({ note: z.string() }) }), work);

  beforeEach(() => {
    calls.actor = editor;
    work.mockClear();
  });

  it("checks the caller before it looks at the input", async () => {
    calls.actor = null;
    expect(await action({ nonsense: true })).toMatchObject({ ok: false, code: "unauthorized" });
    calls.actor = { ...editor, role: "viewer" };
    expect(await action({ fields: { note: "\u0000" } })).toMatchObject({ ok: false, code: "forbidden" });
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
    expect(await action(deep)).toMatchObject({ ok: false, code: "bad_request" });
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
