import { describe, expect, it } from "vitest";
import { historyPage } from "./page";

const rows = (...ids: number[]) => ids.map((id) => ({ id }));

describe("historyPage", () => {
  it("shows `size` rows, keeps the next older one for comparison and pages before the last shown", () => {
    expect(historyPage(rows(9, 8, 7, 6), 3)).toEqual({ shown: rows(9, 8, 7), older: { id: 6 }, nextBefore: 7 });
  });

  it("has no next page and nothing older when the read held no extra row", () => {
    expect(historyPage(rows(9, 8, 7), 3)).toEqual({ shown: rows(9, 8, 7), older: null, nextBefore: null });
    expect(historyPage(rows(2), 3)).toEqual({ shown: rows(2), older: null, nextBefore: null });
    expect(historyPage([], 3)).toEqual({ shown: [], older: null, nextBefore: null });
  });
});
