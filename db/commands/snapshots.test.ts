import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { valuesToCsv } from "@/lib/csv/values-csv";
import { parseValuesCsv } from "@/lib/import/values-csv";
import { buildExportJson } from "@/lib/export/json";
import { toExportRows } from "@/lib/export/model";
import { parseSnapshotContent } from "@/lib/snapshot/content";
import * as schema from "@/db/schema";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { snapshotExport } from "../queries/export";
import { findSnapshot, listSnapshots } from "../queries/snapshots";
import { readYearContent } from "../queries/year-content";
import { importValues } from "./import";
import { createSnapshot } from "./snapshots";
import { createActor } from "@/tests/support/db-fixtures";
import { saveValue } from "./values";
import { lockYear, openYear } from "./years";

const refused = { cause: { message: expect.stringMatching(/append-only: (UPDATE|DELETE) refused/) } };

describe.each(engines)("snapshots on %s", (engine) => {
  let t: TestDatabase;
  let editor: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    editor = await createActor(t, "editor", "Ed Editor");
    await openYear(t.db, 2057, editor);
    const csv = "metric_key,value,qualifier,note\npeacekeepers_total,500,over,n\npeace_operations,3,,\n";
    const parsed = parseValuesCsv(csv);
    if (!parsed.ok) throw new Error("fixture");
    await importValues(t.db, 2057, parsed.rows, editor, { dryRun: false, filename: "fixture.csv" });
  });
  afterAll(() => t.drop());

  const exportJson = async (year: number) =>
    buildExportJson(
      { content: await readYearContent(t.db, year), status: "open", latestSnapshot: null, fromSnapshot: null },
      { exportedAt: new Date(), exportedBy: "x" },
    );

  it("hashes the same data to the same sha256 in two exports and in a snapshot; a change moves it", async () => {
    const first = await exportJson(2057);
    const snapshot = await createSnapshot(t.db, 2057, editor, "before review");
    const second = await exportJson(2057);
    expect(second.contentSha256).toBe(first.contentSha256);
    expect(snapshot.sha256).toBe(first.contentSha256);
    expect(snapshot).toMatchObject({ year: 2057, reason: "before review", createdBy: "Ed Editor" });
    await saveValue(t.db, 2057, "peace_operations", { value: 4 }, editor);
    expect((await exportJson(2057)).contentSha256).not.toBe(first.contentSha256);
  });

  it("keeps a snapshot's content frozen: downloads are built from it, not from live data", async () => {
    const {
      snapshots: [latest],
    } = await listSnapshots(t.db, 2057, { limit: 1 });
    const stored = (await findSnapshot(t.db, latest!.id))!;
    const content = parseSnapshotContent(stored.content);
    const data = await snapshotExport(t.db, content, "open", stored);
    const rows = parseValuesCsv(valuesToCsv(toExportRows(data)));
    if (!rows.ok) throw new Error("export did not parse");
    // The live value is now 4; the snapshot still says 3.
    expect(rows.rows.find((r) => r.metricKey === "peace_operations")?.value).toBe("3");
    expect(data.values[0]?.metricKey).toBe("peacekeepers_total");
  });

  it("refuses SQL UPDATE and DELETE of a snapshot", async () => {
    const [row] = await t.db.select().from(schema.snapshots).limit(1);
    await expect(t.db.update(schema.snapshots).set({ sha256: "forged" }).where(eq(schema.snapshots.id, row!.id))).rejects.toMatchObject(refused);
    await expect(t.db.delete(schema.snapshots).where(eq(schema.snapshots.id, row!.id))).rejects.toMatchObject(refused);
  });

  it("adds exactly one snapshot when a year is locked", async () => {
    const countFor = async () => (await t.db.select({ n: count() }).from(schema.snapshots).where(eq(schema.snapshots.year, 2057)))[0]!.n;
    const before = await countFor();
    const locked = await lockYear(t.db, 2057, { ...editor, role: "reviewer" });
    expect(await countFor()).toBe(before + 1);
    expect(locked.snapshot.reason).toBe("lock");
  });

  it("lists a year's snapshots newest first, a page at a time, and refuses an unknown year", async () => {
    for (const reason of ["a", "b", "c"]) await createSnapshot(t.db, 2057, editor, reason);
    const first = await listSnapshots(t.db, 2057, { limit: 2 });
    expect(first.snapshots.map((s) => s.reason)).toEqual(["c", "b"]);
    expect(first.nextBefore).toBe(first.snapshots[1]!.id);
    const rest = await listSnapshots(t.db, 2057, { limit: 10, before: first.nextBefore! });
    expect(rest.snapshots.map((s) => s.reason)).toEqual(["a", "lock", "before review"]);
    expect(rest.nextBefore).toBeNull();
    await expect(createSnapshot(t.db, 2099, editor, null)).rejects.toMatchObject({ code: "not_found" });
  });
});
