import { describe, expect, it } from "vitest";
import { sectionPages } from "./section-pages";

const sections = [
  { key: "a", title: "A" },
  { key: "empty", title: "Empty" },
  { key: "b", title: "B" },
];
const rows = [
  { section: "a", filled: true },
  { section: "a", filled: false },
  { section: "b", filled: true },
];

describe("sectionPages", () => {
  it("shows every section while the year has no more figures than the limit", () => {
    expect(sectionPages(sections, rows, "b", 3)).toEqual({ mode: "all" });
  });

  it("past the limit shows the section asked for, with every section's counts to move between", () => {
    expect(sectionPages(sections, rows, "b", 2)).toEqual({
      mode: "one",
      section: "b",
      sections: [
        { key: "a", title: "A", filled: 1, total: 2 },
        { key: "b", title: "B", filled: 1, total: 1 },
      ],
    });
  });

  it("falls back to the first section with figures when none or an unknown one is asked for", () => {
    expect(sectionPages(sections, rows, undefined, 2)).toMatchObject({ mode: "one", section: "a" });
    expect(sectionPages(sections, rows, "empty", 2)).toMatchObject({ mode: "one", section: "a" });
    expect(sectionPages(sections, rows, "nope", 2)).toMatchObject({ mode: "one", section: "a" });
  });
});
