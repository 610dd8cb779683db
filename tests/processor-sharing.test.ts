import { describe, expect, it } from "vitest";
import { simulateProcessorSharing } from "@/scripts/load/processor-sharing";

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("the processor-sharing queue model", () => {
  it("gives a request alone its own CPU time", () => {
    const times = simulateProcessorSharing([{ name: "page", perSecond: 0.01, cpuMs: 40 }], { seconds: 100_000, seed: 1, spread: 0 });
    const page = times.get("page")!;
    expect(page.length).toBeGreaterThan(100);
    // At 0.04 % busy two requests almost never meet.
    expect(mean(page)).toBeCloseTo(40, 0);
  });

  it("stretches each kind's mean by 1 / (1 − load), whatever the mix, as processor sharing does", () => {
    // Two kinds, 60 % busy in all: 5 × 0.08 + 20 × 0.01 = 0.6.
    const kinds = [
      { name: "page", perSecond: 5, cpuMs: 80 },
      { name: "save", perSecond: 20, cpuMs: 10 },
    ];
    const times = simulateProcessorSharing(kinds, { seconds: 20_000, seed: 7, spread: 0 });
    expect(mean(times.get("page")!) / (80 / 0.4)).toBeCloseTo(1, 1);
    expect(mean(times.get("save")!) / (10 / 0.4)).toBeCloseTo(1, 1);
  });

  it("repeats a run exactly from its seed", () => {
    const kinds = [{ name: "page", perSecond: 10, cpuMs: 30 }];
    expect(simulateProcessorSharing(kinds, { seconds: 50, seed: 3 })).toEqual(simulateProcessorSharing(kinds, { seconds: 50, seed: 3 }));
  });
});
