import { describe, expect, it } from "vitest";
import { changedFields, draftOf, isUnsaved, keptMineReason, mergeMine, pasteInto, rowShown, type Draft, type Stored } from "./model";

const stored: Stored = { value: 76_000, qualifier: "over", source: "https://peacekeeping.un.org", note: null };

describe("changedFields", () => {
  it("sees no change in a figure typed with or without separators, or in spaces around text", () => {
    expect(changedFields(stored, "count", { ...draftOf(stored, "count"), value: "76000", source: " https://peacekeeping.un.org " })).toEqual([]);
    expect(isUnsaved(stored, "count", draftOf(stored, "count"))).toBe(false);
  });

  it("names each field that differs, and not the reason", () => {
    const draft: Draft = { ...draftOf(stored, "count"), value: "76,500", note: "As of December", reason: "new figure" };
    expect(changedFields(stored, "count", draft)).toEqual(["value", "note"]);
    expect(changedFields(stored, "count", { ...draftOf(stored, "count"), reason: "only a reason" })).toEqual([]);
  });
});

describe("mergeMine", () => {
  it("keeps their fields where I changed nothing", () => {
    const theirs: Stored = { value: 76_000, qualifier: "over", source: "theirs", note: "their note" };
    const mine: Draft = { ...draftOf(stored, "count"), value: "77,000", reason: "x" };
    expect(mergeMine(theirs, "count", mine, ["value"])).toEqual({ value: "77,000", qualifier: "over", source: "theirs", note: "their note", reason: "x" });
  });

  it("starts from nothing when their row is gone", () => {
    const mine: Draft = { ...draftOf(stored, "count"), note: "mine" };
    expect(mergeMine(null, "count", mine, ["note"])).toMatchObject({ value: "", note: "mine", source: "" });
  });
});

describe("keptMineReason", () => {
  it("says which fields were kept over whose save, after the editor's own reason", () => {
    expect(keptMineReason(["value", "note"], "Ada", "")).toBe("Kept my value, note over a newer save by Ada");
    expect(keptMineReason(["value"], null, "corrected")).toBe("corrected (Kept my value over a newer save)");
  });
});

describe("rowShown", () => {
  const row = { metricKey: "peacekeepers_total", label: "Total peacekeepers", stored, unsaved: false };
  it("filters by missing, unsaved and checks, and searches label or key", () => {
    expect(rowShown(row, "all", "", new Set())).toBe(true);
    expect(rowShown(row, "missing", "", new Set())).toBe(false);
    expect(rowShown({ ...row, stored: { ...stored, value: null } }, "missing", "", new Set())).toBe(true);
    expect(rowShown(row, "unsaved", "", new Set())).toBe(false);
    expect(rowShown({ ...row, unsaved: true }, "unsaved", "", new Set())).toBe(true);
    expect(rowShown(row, "checks", "", new Set(["peacekeepers_total"]))).toBe(true);
    expect(rowShown(row, "all", "PEACEKEEP", new Set())).toBe(true);
    expect(rowShown(row, "all", "women", new Set())).toBe(false);
  });
});

describe("pasteInto", () => {
  const order = ["a", "b", "c"];
  const blank: Draft = { value: "", qualifier: "none", source: "", note: "", reason: "" };
  const drafts = { a: blank, b: { ...blank, note: "kept" }, c: blank };

  it("fills down from the cell pasted into, with the optional columns", () => {
    const result = pasteInto(order, "b", [{ value: "1,200", qualifier: "over", source: "UN", note: "n" }, { value: "3" }], drafts);
    expect(result.filled).toEqual(["b", "c"]);
    expect(result.drafts.b).toMatchObject({ value: "1,200", qualifier: "over", source: "UN", note: "n" });
    expect(result.drafts.c).toMatchObject({ value: "3", qualifier: "none", note: "" });
    expect(result.leftOver).toBe(0);
  });

  it("keeps a qualifier it does not know and reports rows past the last figure", () => {
    const result = pasteInto(order, "c", [{ value: "5", qualifier: "roughly" }, { value: "6" }, { value: "7" }], drafts);
    expect(result.filled).toEqual(["c"]);
    expect(result.drafts.c?.qualifier).toBe("none");
    expect(result.leftOver).toBe(2);
  });

  it("keeps columns a one-column paste does not have", () => {
    expect(pasteInto(order, "b", [{ value: "9" }], drafts).drafts.b).toMatchObject({ value: "9", note: "kept" });
  });
});
