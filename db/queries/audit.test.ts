import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditQuery } from "@/lib/validation/audit";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { recordAudit } from "../commands/audit";
import { createActor } from "@/tests/support/db-fixtures";
import { listAuditEntries } from "./audit";

describe.each(engines)("the audit log query on %s", (engine) => {
  let t: TestDatabase;
  let alice: number;
  let bob: number;
  beforeAll(async () => {
    t = await createTestDatabase(engine, { seed: false });
    alice = (await createActor(t, "admin", "Alice")).id;
    bob = (await createActor(t, "editor", "Bob")).id;
    // 120 saves by Bob across two years and two metrics, and a few other entries by Alice.
    for (let i = 0; i < 120; i++) {
      await recordAudit(t.db, {
        action: "value_saved",
        actorId: bob,
        actorEmail: "bob@example.org",
        year: i % 2 ? 2060 : 2061,
        metricKey: i % 3 ? "alpha" : "beta",
      });
    }
    await recordAudit(t.db, { action: "year_locked", actorId: alice, actorEmail: "alice@example.org", year: 2060 });
    await recordAudit(t.db, { action: "sign_in_failed", actorEmail: "nobody@example.org" });
  });
  afterAll(() => t.drop());

  it("pages newest first, 50 at a time, with older/newer cursors that walk the whole log", async () => {
    const first = await listAuditEntries(t.db, {});
    expect(first.entries).toHaveLength(50);
    expect(first.newer).toBeNull();
    expect(first.entries[0]).toMatchObject({ action: "sign_in_failed", actorName: null, actorEmail: "nobody@example.org" });
    expect(first.entries[1]).toMatchObject({ action: "year_locked", actorName: "Alice" });
    const ids = first.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const seen = new Set(ids);
    let page = first;
    while (page.older !== null) {
      page = await listAuditEntries(t.db, {}, { before: page.older });
      for (const e of page.entries) {
        expect(seen.has(e.id)).toBe(false);
        seen.add(e.id);
      }
    }
    // 2 user_created + 120 + 2 entries.
    expect(seen.size).toBe(124);
    expect(page.entries).toHaveLength(24);

    // "Newer" from the last page comes back to exactly the page before it.
    const back = await listAuditEntries(t.db, {}, { after: page.newer! });
    const second = await listAuditEntries(t.db, {}, { before: first.older! });
    expect(back.entries.map((e) => e.id)).toEqual(second.entries.map((e) => e.id));
    expect(back.newer).toBe(second.newer);
    const top = await listAuditEntries(t.db, {}, { after: second.newer! });
    expect(top.entries.map((e) => e.id)).toEqual(ids);
    expect(top.newer).toBeNull();
  });

  it("filters by person, year, metric and action together", async () => {
    const byBob = await listAuditEntries(t.db, { person: bob, year: 2060, metric: "beta", action: "value_saved" }, {}, 500);
    // Odd i (year 2060) divisible by 3 (metric beta): i = 3, 9, …, 117.
    expect(byBob.entries).toHaveLength(20);
    expect(byBob.entries.every((e) => e.actorId === bob && e.year === 2060 && e.metricKey === "beta")).toBe(true);
    expect((await listAuditEntries(t.db, { person: alice, action: "year_locked" })).entries).toHaveLength(1);
    expect((await listAuditEntries(t.db, { person: alice, action: "value_saved" })).entries).toHaveLength(0);
    // Cursors respect the filter: a filtered page's "older" leads to older entries of the same filter only.
    const small = await listAuditEntries(t.db, { year: 2061 }, {}, 10);
    const next = await listAuditEntries(t.db, { year: 2061 }, { before: small.older! }, 10);
    expect(next.entries.every((e) => e.year === 2061 && e.id < small.older!)).toBe(true);
  });

  it("parses the GET form: blanks are 'any', bad values are refused", () => {
    expect(auditQuery.parse({ person: "", year: "", metric: "", action: "" })).toEqual({});
    expect(auditQuery.parse({ person: "3", year: "2060", action: "value_saved", before: "40" })).toEqual({
      person: 3,
      year: 2060,
      action: "value_saved",
      before: 40,
    });
    expect(auditQuery.safeParse({ action: "drop_tables" }).success).toBe(false);
    expect(auditQuery.safeParse({ year: "20x0" }).success).toBe(false);
  });
});
