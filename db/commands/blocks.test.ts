import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { blockRevisions, textBlocks } from "@/db/schema";
import { listBlockHistory, listYearBlocks } from "@/db/queries/blocks";
import { listTextChecks } from "@/db/queries/text-checks";
import { listYearWrittenNumbers } from "@/db/queries/written-numbers";
import { createTestDatabase, engines, type TestDatabase } from "@/tests/support/db";
import { createActor } from "@/tests/support/db-fixtures";
import { createBlock, deleteBlock, updateBlock } from "./blocks";
import { createMetric, updateMetric } from "./metrics";
import { setTie } from "./number-ties";
import { createQuote, updateQuote } from "./quotes";
import { saveValue } from "./values";
import { lockYear, openYear, unlockYear } from "./years";

const paragraph = (text: string, section = "peacekeeping") => ({ kind: "paragraph" as const, section, text, attributes: {} });

describe.each(engines)("text blocks on %s", (engine) => {
  let t: TestDatabase;
  let editor: Actor;
  let admin: Actor;
  const YEAR = 2041;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    editor = await createActor(t, "editor", "Edith Editor");
    admin = await createActor(t, "admin", "Ada Admin");
    await openYear(t.db, YEAR, editor);
    await saveValue(t.db, YEAR, "peacekeepers_total", { value: 76_000, qualifier: "over" }, editor);
    await saveValue(t.db, YEAR, "peace_operations", { value: 11 }, editor);
    await saveValue(t.db, YEAR, "explosive_items_removed", { value: 257_800, qualifier: "over", wording: "+" }, editor);
  });
  afterAll(() => t.drop());

  const positions = async (section: string) => (await listYearBlocks(t.db, YEAR, { section })).map((b) => [b.text, b.position]);

  it("renders live figures as the report prints them, with the printed wording, capitalised at a sentence's start", async () => {
    const block = await createBlock(
      t.db,
      YEAR,
      paragraph("{{peacekeepers_total}} peacekeepers in {{peace_operations}} operations removed {{explosive_items_removed}} items."),
      editor,
    );
    expect(block).toMatchObject({ version: 1, position: 1, rendered: "Over 76,000 peacekeepers in 11 operations removed 257,800+ items." });
    expect((await listBlockHistory(t.db, block.id))!.revisions).toEqual([expect.objectContaining({ action: "create", version: 1, changedBy: "Edith Editor" })]);
  });

  it("refuses an unknown live figure with the key named, and writes nothing", async () => {
    const before = await t.db.select().from(textBlocks);
    const refusal = createBlock(t.db, YEAR, paragraph("Over {{peacekeepers_totl}} people"), editor);
    await expect(refusal).rejects.toMatchObject({ code: "validation", message: expect.stringContaining("peacekeepers_totl") });
    expect(await t.db.select().from(textBlocks)).toEqual(before);
  });

  it("keeps positions in order as blocks are added, moved and deleted, each in one transaction", async () => {
    const section = "conflict_prevention";
    const a = await createBlock(t.db, YEAR, paragraph("A", section), editor);
    const c = await createBlock(t.db, YEAR, paragraph("C", section), editor);
    const b = await createBlock(t.db, YEAR, { ...paragraph("B", section), position: 2 }, editor);
    expect(await positions(section)).toEqual([
      ["A", 1],
      ["B", 2],
      ["C", 3],
    ]);
    await updateBlock(t.db, c.id, { position: 1, version: c.version }, editor);
    expect(await positions(section)).toEqual([
      ["C", 1],
      ["A", 2],
      ["B", 3],
    ]);
    await updateBlock(t.db, c.id, { position: 3 }, editor);
    expect(await positions(section)).toEqual([
      ["A", 1],
      ["B", 2],
      ["C", 3],
    ]);
    await deleteBlock(t.db, a.id, {}, editor);
    expect(await positions(section)).toEqual([
      ["B", 1],
      ["C", 2],
    ]);
    await updateBlock(t.db, b.id, { section: "peacebuilding" }, editor);
    expect(await positions(section)).toEqual([["C", 1]]);
    expect((await listBlockHistory(t.db, c.id))!.revisions.map((r) => [r.action, r.position])).toEqual([
      ["move", 3],
      ["move", 1],
      ["create", 2],
    ]);
  });

  it("refuses a stale version with the current block, and a locked year with 423, writing nothing", async () => {
    const block = await createBlock(t.db, YEAR, paragraph("First words"), editor);
    await updateBlock(t.db, block.id, { text: "Second words", version: 1 }, editor);
    const stale = await updateBlock(t.db, block.id, { text: "Third words", version: 1 }, editor).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect(stale).toMatchObject({ code: "conflict", extra: { current: expect.objectContaining({ text: "Second words", version: 2 }) } });
    await lockYear(t.db, YEAR, admin);
    await expect(updateBlock(t.db, block.id, { text: "Locked words" }, editor)).rejects.toMatchObject({ code: "locked" });
    await expect(createBlock(t.db, YEAR, paragraph("New words"), editor)).rejects.toMatchObject({ code: "locked" });
    await expect(deleteBlock(t.db, block.id, {}, editor)).rejects.toMatchObject({ code: "locked" });
    await unlockYear(t.db, YEAR, "Tests go on writing", admin);
    const [row] = await t.db.select().from(textBlocks).where(eq(textBlocks.id, block.id));
    expect(row).toMatchObject({ text: "Second words", version: 2, deletedAt: null });
    expect(await t.db.select().from(blockRevisions).where(eq(blockRevisions.blockId, block.id))).toHaveLength(2);
  });

  it("validates kinds and their attributes", async () => {
    await expect(
      createBlock(t.db, YEAR, { kind: "operation", section: "peacekeeping", text: "", attributes: { acronym: "UNMISS" } } as never, editor),
    ).resolves.toBeDefined();
    const { createBlockSchema } = await import("@/lib/validation/block");
    expect(createBlockSchema.safeParse({ kind: "operation", section: "peacekeeping", text: "", attributes: { acronym: "UNMISS" } }).success).toBe(false);
    expect(
      createBlockSchema.safeParse({
        kind: "caption",
        section: "peacekeeping",
        text: "A photo",
        attributes: { place: "Tong", date: "July 2023", credit: "UNMISS/Gregório Cunha" },
      }).success,
    ).toBe(true);
    expect(
      createBlockSchema.safeParse({ kind: "caption", section: "peacekeeping", text: "A photo", attributes: { photographer: "X" } }).error?.issues[0]?.path,
    ).toEqual(["attributes", "photographer"]);
    expect(createBlockSchema.safeParse({ kind: "poem", section: "peacekeeping", text: "x" }).success).toBe(false);
    expect(
      createBlockSchema.safeParse({
        kind: "operation",
        section: "peacekeeping",
        text: "",
        attributes: { acronym: "UNSMIL", name: "United Nations Support Mission in Libya", type: "special_political_mission" },
      }).success,
    ).toBe(true);
  });

  it("checks the block as it will be on a partial change: a new kind must suit the attributes it keeps", async () => {
    const caption = await createBlock(
      t.db,
      YEAR,
      { kind: "caption", section: "rule_of_law", text: "Deminers at work.", attributes: { place: "Juba", credit: "UNMISS" } },
      editor,
    );
    await expect(updateBlock(t.db, caption.id, { kind: "paragraph" }, editor)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["attributes", "place"] }), expect.anything()],
    });
    const paragraphText = await createBlock(t.db, YEAR, paragraph("Becomes a heading", "rule_of_law"), editor);
    await expect(updateBlock(t.db, paragraphText.id, { kind: "heading" }, editor)).resolves.toMatchObject({ kind: "heading", version: 2 });
  });
});

describe.each(engines)("written numbers and text checks on %s", (engine) => {
  let t: TestDatabase;
  let editor: Actor;
  const YEAR = 2042;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    editor = await createActor(t, "editor", "Edith Editor");
    await openYear(t.db, YEAR, editor);
    await saveValue(t.db, YEAR, "peacekeepers_total", { value: 76_000, qualifier: "over" }, editor);
    await saveValue(t.db, YEAR, "contributing_countries", { value: 120 }, editor);
    await saveValue(t.db, YEAR, "women_mediation_teams_pct", { value: 43 }, editor);
  });
  afterAll(() => t.drop());

  it("ties written numbers on save, lists the rest as untied, and sets years aside", async () => {
    const block = await createBlock(t.db, YEAR, paragraph("Since 2020, over 76,000 peacekeepers from 120 countries, in Article 99 terms."), editor);
    expect(block.numbers.map((n) => [n.text, n.status, n.metricKey, n.states])).toEqual([
      ["2020", "not_figure", null, null],
      ["over 76,000", "tied", "peacekeepers_total", true],
      ["120", "tied", "contributing_countries", true],
      ["99", "untied", null, null],
    ]);
    expect(await listTextChecks(t.db, YEAR)).toEqual([]);
  });

  it("flags a tied number when its figure changes, and clears when the figure changes back or the text is fixed", async () => {
    const block = await createBlock(t.db, YEAR, paragraph("Women were 43 per cent of mediation teams.", "women_peace_security"), editor);
    await saveValue(t.db, YEAR, "women_mediation_teams_pct", { value: 45 }, editor);
    const checks = await listTextChecks(t.db, YEAR);
    expect(checks).toEqual([
      {
        kind: "text",
        severity: "error",
        blockId: block.id,
        metricKey: "women_mediation_teams_pct",
        message: expect.stringMatching(/paragraph “Women were 43 per cent of mediation teams\.” \(block \d+\) says “43 per cent”, but .* is now 45%/),
      },
    ]);
    // An unrelated edit keeps the failing tie: re-saving must not hide the error.
    const edited = await updateBlock(t.db, block.id, { text: "Women were 43 per cent of mediation teams in 2042." }, editor);
    expect(edited.numbers.find((n) => n.text === "43 per cent")).toMatchObject({ status: "tied", states: false });
    expect(await listTextChecks(t.db, YEAR)).toHaveLength(1);
    await saveValue(t.db, YEAR, "women_mediation_teams_pct", { value: 43 }, editor);
    expect(await listTextChecks(t.db, YEAR)).toEqual([]);
    await saveValue(t.db, YEAR, "women_mediation_teams_pct", { value: 45 }, editor);
    const fixed = await updateBlock(t.db, block.id, { text: "Women were 45 per cent of mediation teams in 2042." }, editor);
    expect(fixed.numbers.find((n) => n.text === "45 per cent")).toMatchObject({ status: "tied", metricKey: "women_mediation_teams_pct", states: true });
    expect(await listTextChecks(t.db, YEAR)).toEqual([]);
  });

  it("names a long block by its opening, and says when the tied figure has no value", async () => {
    const long = `Contributing countries numbered 120 that year, ${"while the missions reported on their mandates in every region ".repeat(4)}and more.`;
    const block = await createBlock(t.db, YEAR, paragraph(long), editor);
    expect(block.numbers.find((n) => n.text === "120")).toMatchObject({ status: "tied", metricKey: "contributing_countries" });
    await saveValue(t.db, YEAR, "contributing_countries", { value: null }, editor);
    const checks = (await listTextChecks(t.db, YEAR)).filter((c) => c.blockId === block.id);
    expect(checks).toEqual([
      {
        kind: "text",
        severity: "error",
        blockId: block.id,
        metricKey: "contributing_countries",
        message: expect.stringMatching(
          /^The paragraph “Contributing countries numbered 120 that year…” \(block \d+\) says “120”, but .* has no value this year$/,
        ),
      },
    ]);
    await saveValue(t.db, YEAR, "contributing_countries", { value: 120 }, editor);
    expect((await listTextChecks(t.db, YEAR)).filter((c) => c.blockId === block.id)).toEqual([]);
  });

  it("checks quotes too, and a deleted block leaves no check behind", async () => {
    const quote = await createQuote(
      t.db,
      YEAR,
      { speaker: "Jean-Pierre Lacroix", title: "Under-Secretary-General", section: "peacekeeping", text: "Over 76,000 peacekeepers serve." },
      editor,
    );
    const block = await createBlock(t.db, YEAR, paragraph("Over 76,000 peacekeepers."), editor);
    await saveValue(t.db, YEAR, "peacekeepers_total", { value: 81_000, qualifier: "over" }, editor);
    const checks = await listTextChecks(t.db, YEAR);
    expect(checks.map((c) => c.quoteId ?? c.blockId)).toEqual(expect.arrayContaining([quote.id, block.id]));
    expect(checks.find((c) => c.quoteId === quote.id)!.message).toContain("The quote of Jean-Pierre Lacroix");
    await deleteBlock(t.db, block.id, {}, editor);
    await updateQuote(
      t.db,
      quote.id,
      { speaker: "Jean-Pierre Lacroix", title: "Under-Secretary-General", section: "peacekeeping", text: "Over 81,000 peacekeepers serve." },
      editor,
    );
    expect(
      (await listTextChecks(t.db, YEAR)).filter((c) => c.metricKey === "peacekeepers_total" && (c.quoteId === quote.id || c.blockId === block.id)),
    ).toEqual([]);
  });

  it("leaves out a tie to a metric archived since, where it holds no value that year", async () => {
    const admin = await createActor(t, "admin", "Ada Admin");
    await createMetric(t.db, { key: "archived_probe", label: "Archived probe", section: "peacekeeping", unit: "count", direction: "up" }, admin);
    const block = await createBlock(t.db, YEAR, paragraph("We counted 33 probes."), editor);
    await setTie(t.db, block.numbers[0]!.id, { metricKey: "archived_probe" }, editor);
    const ofBlock = async () => (await listTextChecks(t.db, YEAR)).filter((c) => c.blockId === block.id);
    expect(await ofBlock()).toEqual([expect.objectContaining({ metricKey: "archived_probe", message: expect.stringContaining("has no value this year") })]);
    await updateMetric(t.db, "archived_probe", { archived: true }, admin);
    // Not a figure of this year any more (the year page leaves it out too): nothing to check against.
    expect(await ofBlock()).toEqual([]);
  });

  it("lets an author tie a number by hand or mark it as not a figure", async () => {
    const block = await createBlock(t.db, YEAR, paragraph("In 34 years, 7 of 120 said so."), editor);
    const [years, seven] = block.numbers;
    await setTie(t.db, years!.id, { notFigure: true }, editor);
    await setTie(t.db, seven!.id, { metricKey: "peace_operations" }, editor);
    const numbers = await listYearWrittenNumbers(t.db, YEAR);
    expect(numbers.filter((n) => n.blockId === block.id).map((n) => [n.text, n.status, n.byHand])).toEqual([
      ["34", "not_figure", true],
      ["7", "tied", true],
      ["120", "tied", false],
    ]);
    // Tied by hand to a figure with no value this year: the text states nothing true yet.
    expect((await listTextChecks(t.db, YEAR)).some((c) => c.blockId === block.id && c.metricKey === "peace_operations")).toBe(true);
    await expect(setTie(t.db, seven!.id, { metricKey: "no_such_metric" }, editor)).rejects.toMatchObject({ code: "validation" });
    // The author's decisions survive an edit that leaves those words in place.
    const edited = await updateBlock(t.db, block.id, { text: "In 34 years, 7 of 120 said so, again." }, editor);
    expect(edited.numbers.map((n) => [n.text, n.status])).toEqual([
      ["34", "not_figure"],
      ["7", "tied"],
      ["120", "tied"],
    ]);
  });

  it("opening a year with copyFrom copies blocks with their ties: live figures show the new year, written numbers are flagged", async () => {
    const source = await createBlock(t.db, YEAR, paragraph("{{contributing_countries}} countries; 120 of them.", "peacebuilding"), editor);
    const opened = await openYear(t.db, YEAR + 1, editor, null, { copyFrom: YEAR });
    const copied = await listYearBlocks(t.db, YEAR + 1, { section: "peacebuilding" });
    expect(opened).toMatchObject({ year: YEAR + 1, copiedFrom: YEAR, blocksCopied: expect.any(Number) });
    const copy = copied.find((b) => b.text === source.text)!;
    expect(copy.rendered).toBe("— countries; 120 of them.");
    expect(copy.numbers).toEqual([expect.objectContaining({ text: "120", status: "tied", metricKey: "contributing_countries", states: false })]);
    await saveValue(t.db, YEAR + 1, "contributing_countries", { value: 122 }, editor);
    expect((await listYearBlocks(t.db, YEAR + 1, { section: "peacebuilding" })).find((b) => b.id === copy.id)!.rendered).toBe("122 countries; 120 of them.");
    const checks = await listTextChecks(t.db, YEAR + 1);
    expect(checks.filter((c) => c.blockId === copy.id)).toEqual([
      expect.objectContaining({ metricKey: "contributing_countries", message: expect.stringContaining("is now 122") }),
    ]);
    expect((await listBlockHistory(t.db, copy.id))!.revisions[0]).toMatchObject({ reason: `Copied from ${YEAR}` });
  });

  it("copies chosen quotes from any earlier year when opening a year, and refuses an unknown source year whole", async () => {
    const quote = await createQuote(
      t.db,
      YEAR,
      { speaker: "Virginia Gamba", title: "Special Representative", section: "children_protection", text: "Protect children." },
      editor,
    );
    await expect(openYear(t.db, YEAR + 3, editor, null, { copyFrom: 1990 })).rejects.toMatchObject({
      code: "validation",
      fields: { copyFrom: expect.any(String) },
    });
    await expect(openYear(t.db, YEAR + 3, editor, null, { quoteIds: [quote.id] })).resolves.toMatchObject({ quotesCopied: 1 });
  });

  it("a copied quote keeps its written numbers' ties, checked against the new year", async () => {
    const quote = await createQuote(
      t.db,
      YEAR,
      { speaker: "Pramila Patten", title: "Special Representative", section: "peacekeeping", text: "Peacekeepers from 120 countries stand guard." },
      editor,
    );
    const tiedBefore = (await listYearWrittenNumbers(t.db, YEAR)).find((n) => n.quoteId === quote.id);
    expect(tiedBefore).toMatchObject({ metricKey: "contributing_countries", status: "tied", states: true });
    await openYear(t.db, YEAR + 4, editor, null, { quoteIds: [quote.id] });
    const copied = (await listYearWrittenNumbers(t.db, YEAR + 4)).filter((n) => n.quoteId !== null);
    expect(copied).toEqual([expect.objectContaining({ text: "120", metricKey: "contributing_countries", status: "tied", states: false })]);
    expect((await listTextChecks(t.db, YEAR + 4)).map((c) => c.metricKey)).toEqual(["contributing_countries"]);
  });
});
