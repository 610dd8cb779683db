import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/rfc4180";
import {
  type CompareMetric,
  type CompareRow,
  type QuoteLike,
  type YearValue,
  compareBlocks,
  compareQuotes,
  compareToCsv,
  compareValues,
  isLargeChange,
} from "./compare";

const metric = (key: string, over: Partial<CompareMetric> = {}): CompareMetric => ({
  key,
  label: key.toUpperCase(),
  section: "Displacement",
  unit: "count",
  direction: "neutral",
  ...over,
});
const v = (metricKey: string, value: number | null, qualifier: YearValue["qualifier"] = null): YearValue => ({
  metricKey,
  value,
  qualifier,
});
const one = (from: YearValue[], to: YearValue[], m = metric("k")): CompareRow => compareValues([m], from, to)[0]!;

describe("compareValues", () => {
  it("computes delta and percentage for an increase", () => {
    expect(one([v("k", 100)], [v("k", 125)])).toMatchObject({
      from: 100,
      to: 125,
      delta: 25,
      deltaPct: 25,
      status: "changed",
      qualifierChanged: false,
    });
  });

  it("computes negative changes", () => {
    expect(one([v("k", 80)], [v("k", 60)])).toMatchObject({ delta: -20, deltaPct: -25, status: "changed" });
  });

  it("uses |from| as the base so a rise from a negative value is positive", () => {
    expect(one([v("k", -50)], [v("k", -25)])).toMatchObject({ delta: 25, deltaPct: 50 });
    expect(one([v("k", -50)], [v("k", 50)])).toMatchObject({ delta: 100, deltaPct: 200 });
  });

  it("rounds percentages to one decimal, halves away from zero", () => {
    expect(one([v("k", 3)], [v("k", 4)]).deltaPct).toBe(33.3);
    expect(one([v("k", 3)], [v("k", 5)]).deltaPct).toBe(66.7);
    expect(one([v("k", 400)], [v("k", 409)]).deltaPct).toBe(2.3); // 2.25
    expect(one([v("k", 400)], [v("k", 391)]).deltaPct).toBe(-2.3); // −2.25
    expect(one([v("k", 1000)], [v("k", 1000.4)]).deltaPct).toBe(0);
  });

  it("avoids floating-point noise in deltas", () => {
    expect(one([v("k", 0.1)], [v("k", 0.3)]).delta).toBe(0.2);
    expect(one([v("k", 0.3)], [v("k", 0.1)]).delta).toBe(-0.2);
    expect(one([v("k", 0.1)], [v("k", 0.3)]).deltaPct).toBe(200);
    expect(one([v("k", 1.1)], [v("k", 2.2)]).delta).toBe(1.1);
  });

  it("keeps large integers exact", () => {
    expect(one([v("k", 1)], [v("k", 1e15)]).delta).toBe(1e15 - 1);
    expect(one([v("k", 203_000_000)], [v("k", 117_300_000)]).delta).toBe(-85_700_000);
  });

  it("has no percentage from a zero base", () => {
    expect(one([v("k", 0)], [v("k", 10)])).toMatchObject({ delta: 10, deltaPct: null, status: "changed" });
    expect(one([v("k", 0)], [v("k", 0)])).toMatchObject({ delta: 0, deltaPct: null, status: "unchanged" });
  });

  it("marks unchanged values", () => {
    expect(one([v("k", 5, "over")], [v("k", 5, "over")])).toMatchObject({
      delta: 0,
      deltaPct: 0,
      status: "unchanged",
      qualifierChanged: false,
    });
  });

  it("flags a qualifier change even when the value is the same", () => {
    expect(one([v("k", 5, "over")], [v("k", 5, null)])).toMatchObject({
      fromQualifier: "over",
      toQualifier: null,
      qualifierChanged: true,
      status: "changed",
      delta: 0,
    });
    expect(one([v("k", 5, "about")], [v("k", 6, "over")])).toMatchObject({ qualifierChanged: true });
  });

  it("marks added, removed and missing values", () => {
    expect(one([], [v("k", 7, "about")])).toMatchObject({
      from: null,
      to: 7,
      toQualifier: "about",
      delta: null,
      deltaPct: null,
      status: "added",
      qualifierChanged: false,
    });
    expect(one([v("k", 7, "over")], [v("k", null)])).toMatchObject({
      from: 7,
      to: null,
      fromQualifier: "over",
      delta: null,
      status: "removed",
      qualifierChanged: false,
    });
    expect(one([v("k", null, "over")], [])).toMatchObject({
      from: null,
      to: null,
      fromQualifier: null,
      status: "missing",
      qualifierChanged: false,
    });
  });

  it("ignores a qualifier that has no value", () => {
    expect(one([v("k", null, "over")], [v("k", 3)])).toMatchObject({ fromQualifier: null, status: "added" });
  });

  it("follows the metric order, copies metric fields, ignores unknown keys", () => {
    const metrics = [metric("b", { unit: "percent", direction: "down", section: "Health" }), metric("a")];
    const rows = compareValues(metrics, [v("a", 1), v("zzz", 1)], [v("a", 2), v("b", 40)]);
    expect(rows.map((r) => r.metricKey)).toEqual(["b", "a"]);
    expect(rows[0]).toMatchObject({ label: "B", unit: "percent", direction: "down", section: "Health", status: "added" });
  });
});

describe("isLargeChange", () => {
  const row = (deltaPct: number | null) => ({ deltaPct });
  it("compares |deltaPct| with the threshold, inclusive", () => {
    expect(isLargeChange(row(25))).toBe(true);
    expect(isLargeChange(row(-25))).toBe(true);
    expect(isLargeChange(row(24.9))).toBe(false);
    expect(isLargeChange(row(-30))).toBe(true);
    expect(isLargeChange(row(10), 10)).toBe(true);
    expect(isLargeChange(row(9.9), 10)).toBe(false);
  });

  it("is false without a percentage", () => {
    expect(isLargeChange(row(null))).toBe(false);
    expect(isLargeChange(one([v("k", 0)], [v("k", 1e6)]))).toBe(false);
  });

  it("works on a compared row", () => {
    expect(isLargeChange(one([v("k", 100)], [v("k", 60)]))).toBe(true);
  });
});

describe("compareQuotes", () => {
  let nextId = 1;
  const q = (speaker: string, section: string, text: string, title = "Secretary-General"): QuoteLike => ({
    id: nextId++,
    speaker,
    title,
    section,
    text,
  });

  it("finds added and removed quotes", () => {
    const a = q("António Guterres", "Foreword", "Peace is possible.");
    const b = q("Ana", "Health", "Vaccines work.");
    const c = q("Ben", "Health", "New text.");
    const r = compareQuotes([a, b], [a, c]);
    expect(r.added).toEqual([c]);
    expect(r.removed).toEqual([b]);
    expect(r.changed).toEqual([]);
  });

  it("matches speakers trimmed and case-insensitively, but within the same section", () => {
    const from = [q("Ana Lopez", "Health", "Same."), q("Ana Lopez", "Climate", "Old.")];
    const to = [q("  ana lopez ", "Health", "Same."), q("Ana Lopez", "Water", "Old.")];
    const r = compareQuotes(from, to);
    expect(r.changed).toEqual([]);
    expect(r.added.map((x) => x.section)).toEqual(["Water"]);
    expect(r.removed.map((x) => x.section)).toEqual(["Climate"]);
  });

  it("reports a changed text with a word diff", () => {
    const f = q("Ana", "Health", "More children were vaccinated this year.");
    const t = q("Ana", "Health", "Fewer children were vaccinated last year.");
    const r = compareQuotes([f], [t]);
    expect(r.added).toEqual([]);
    expect(r.removed).toEqual([]);
    expect(r.changed).toHaveLength(1);
    const c = r.changed[0]!;
    expect(c).toMatchObject({ speaker: "Ana", section: "Health", from: f, to: t });
    expect(c.diff.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["More", "this"]);
    expect(c.diff.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["Fewer", "last"]);
    // Old text = unchanged + removed parts; new text = unchanged + added parts.
    expect(
      c.diff
        .filter((p) => !p.added)
        .map((p) => p.value)
        .join(""),
    ).toBe(f.text);
    expect(
      c.diff
        .filter((p) => !p.removed)
        .map((p) => p.value)
        .join(""),
    ).toBe(t.text);
    for (const p of c.diff) expect(Object.keys(p).sort()).toEqual(["added", "removed", "value"]);
  });

  it("reports a title-only change with an all-unchanged diff", () => {
    const f = q("Ana", "Health", "Same words.", "Director");
    const t = q("Ana", "Health", "Same words.", "Director-General");
    const r = compareQuotes([f], [t]);
    expect(r.changed).toHaveLength(1);
    expect(r.changed[0]!.diff.every((p) => !p.added && !p.removed)).toBe(true);
  });

  it("does not report identical quotes", () => {
    const f = q("Ana", "Health", "Same.");
    expect(compareQuotes([f], [{ ...f, id: 999 }])).toEqual({ added: [], removed: [], changed: [] });
  });

  it("pairs identical texts first when a speaker has several quotes in a section", () => {
    const from = [q("Ana", "Health", "First."), q("Ana", "Health", "Second.")];
    const to = [q("Ana", "Health", "Second."), q("Ana", "Health", "First, revised."), q("Ana", "Health", "Third.")];
    const r = compareQuotes(from, to);
    expect(r.changed).toHaveLength(1);
    expect(r.changed[0]!.from.text).toBe("First.");
    expect(r.changed[0]!.to.text).toBe("First, revised.");
    expect(r.added.map((x) => x.text)).toEqual(["Third."]);
    expect(r.removed).toEqual([]);
  });

  it("handles empty inputs", () => {
    expect(compareQuotes([], [])).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe("compareToCsv", () => {
  it("writes the header with the years and one line per row", () => {
    const rows = compareValues(
      [metric("refugees", { label: "Refugees, total" }), metric("share", { unit: "percent", label: "-Share" }), metric("gone")],
      [v("refugees", 100, "over"), v("share", 0.1), v("gone", null)],
      [v("refugees", 150), v("share", 0.3)],
    );
    const csv = compareToCsv(rows, 2023, 2024);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows).toEqual([
      ["section", "metric_key", "label", "unit", "2023", "2024", "delta", "delta_pct", "qualifier_changed"],
      ["Displacement", "refugees", "Refugees, total", "count", "100", "150", "50", "50", "yes"],
      ["Displacement", "share", "'-Share", "percent", "0.1", "0.3", "0.2", "200", "no"],
      ["Displacement", "gone", "GONE", "count", "", "", "", "", "no"],
    ]);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("writes negative numbers without a formula prefix", () => {
    const rows = compareValues([metric("k")], [v("k", 100)], [v("k", 40)]);
    expect(compareToCsv(rows, 2020, 2021).split("\r\n")[1]).toBe("Displacement,k,K,count,100,40,-60,-60,no");
  });
});

describe("compareBlocks", () => {
  const b = (kind: string, section: string, text: string) => ({ kind, section, text });

  it("pairs blocks by kind within a section, identical texts first, so moving one is no change", () => {
    const from = [b("paragraph", "peacekeeping", "One."), b("paragraph", "peacekeeping", "Two."), b("heading", "peacekeeping", "Peace")];
    const to = [b("paragraph", "peacekeeping", "Two."), b("paragraph", "peacekeeping", "One."), b("heading", "peacekeeping", "Peace")];
    expect(compareBlocks(from, to)).toEqual({ added: [], removed: [], changed: [] });
  });

  it("compares the text as written: a live figure is the same words whatever value it shows", () => {
    const r = compareBlocks([b("paragraph", "a", "{{x}} people came.")], [b("paragraph", "a", "{{x}} people came back.")]);
    expect(r.changed).toHaveLength(1);
    expect(r.changed[0]!.diff.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["back"]);
  });

  it("lists blocks of a kind or section the other year lacks as added or removed", () => {
    const r = compareBlocks([b("caption", "a", "A photo.")], [b("paragraph", "a", "A photo."), b("caption", "b", "Elsewhere.")]);
    expect(r.added.map((x) => x.kind)).toEqual(["paragraph", "caption"]);
    expect(r.removed).toEqual([b("caption", "a", "A photo.")]);
  });
});
