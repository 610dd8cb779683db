import { describe, expect, it } from "vitest";
import { leaveQuestion } from "./leave-question";

describe("leaveQuestion", () => {
  it("names what would be lost, figures and quotes apart", () => {
    expect(leaveQuestion(["figure:a"])).toBe("One figure has changes that are not saved. Leave this page and lose them?");
    expect(leaveQuestion(["figure:a", "figure:b"])).toBe("2 figures have changes that are not saved. Leave this page and lose them?");
    expect(leaveQuestion(["quote:quote-new"])).toBe("One quote has changes that are not saved. Leave this page and lose them?");
    expect(leaveQuestion(["figure:a", "quote:quote-3", "quote:quote-new"])).toBe(
      "One figure and 2 quotes have changes that are not saved. Leave this page and lose them?",
    );
    expect(leaveQuestion(new Set(["figure:a", "figure:b", "quote:quote-1"]))).toBe(
      "2 figures and one quote have changes that are not saved. Leave this page and lose them?",
    );
  });
});
