import { describe, expect, it } from "vitest";
import { parseHumanNumber } from "./parse";

const NOT_A_NUMBER = "is not a number: use digits with optional thousands separators, like 76,000";

describe("parseHumanNumber accepts what people type", () => {
  it.each([
    ["76,000", 76_000],
    ["76000", 76_000],
    [" 76 000 ", 76_000],
    ["76\u00A0000", 76_000],
    ["76\u202F000", 76_000],
    ["1\u2009234\u2009567", 1_234_567],
    ["1,234,567.89", 1_234_567.89],
    ["203M", 203_000_000],
    ["203m", 203_000_000],
    ["203mn", 203_000_000],
    ["$203 million", 203_000_000],
    ["$203M", 203_000_000],
    ["US$ 203 million", 203_000_000],
    ["US$203M", 203_000_000],
    ["USD 203 million", 203_000_000],
    ["$183,000", 183_000],
    ["$191.3M", 191_300_000],
    ["4.9 million", 4_900_000],
    ["4.9 Million", 4_900_000],
    ["5.7 million", 5_700_000],
    ["4.9bn", 4_900_000_000],
    ["1.2 billion", 1_200_000_000],
    ["1.2B", 1_200_000_000],
    ["0.1 billion", 100_000_000],
    ["0.3 million", 300_000],
    ["2.5 trillion", 2_500_000_000_000],
    ["12k", 12_000],
    ["12K", 12_000],
    ["12 thousand", 12_000],
    ["1.5k", 1_500],
    ["76,000 thousand", 76_000_000],
    ["43%", 43],
    ["43.5 %", 43.5],
    ["100%", 100],
    ["-5", -5],
    ["\u22125", -5],
    ["- 5", -5],
    ["+5", 5],
    ["-$5M", -5_000_000],
    ["1e6", 1_000_000],
    ["1E6", 1_000_000],
    ["2.5e3", 2_500],
    ["1e-2", 0.01],
    ["0", 0],
    ["-0", 0],
    ["0.5", 0.5],
    [".5", 0.5],
    ["5.", 5],
    ["007", 7],
    ["901", 901],
    ["121", 121],
    ["257,800", 257_800],
    ["1e15", 1e15],
    ["1,000,000,000,000,000", 1e15],
    ["-1e15", -1e15],
  ])("%j → %d", (input, expected) => {
    expect(parseHumanNumber(input)).toEqual({ ok: true, value: expected });
  });

  it("scales in decimal, with no binary floating error", () => {
    // The naive product is off for many inputs, e.g. 2.01 * 1e6 = 2009999.9999999998.
    expect(2.01 * 1e6).not.toBe(2_010_000);
    expect(parseHumanNumber("2.01 million")).toEqual({ ok: true, value: 2_010_000 });
    for (let hundredths = 0; hundredths <= 10_000; hundredths++) {
      const text = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}M`;
      expect(parseHumanNumber(text)).toEqual({ ok: true, value: hundredths * 10_000 });
    }
  });

  it("returns a positive zero for -0 so it never prints as -0", () => {
    const result = parseHumanNumber("-0");
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });
});

describe("parseHumanNumber rejects what is not a number", () => {
  it.each([
    ["abc", `“abc” ${NOT_A_NUMBER}`],
    ["1,2,3", `“1,2,3” ${NOT_A_NUMBER}`],
    ["7,60,00", `“7,60,00” ${NOT_A_NUMBER}`],
    ["76,00", `“76,00” ${NOT_A_NUMBER}`],
    ["7600,000", `“7600,000” ${NOT_A_NUMBER}`],
    ["76,000,00", `“76,000,00” ${NOT_A_NUMBER}`],
    [",76", `“,76” ${NOT_A_NUMBER}`],
    ["76 00", `“76 00” ${NOT_A_NUMBER}`],
    ["76, 000", `“76, 000” ${NOT_A_NUMBER}`],
    ["4,9", `“4,9” ${NOT_A_NUMBER}`],
    ["NaN", `“NaN” ${NOT_A_NUMBER}`],
    ["Infinity", `“Infinity” ${NOT_A_NUMBER}`],
    ["0x10", `“0x10” ${NOT_A_NUMBER}`],
    ["$", `“$” ${NOT_A_NUMBER}`],
    ["%", `“%” ${NOT_A_NUMBER}`],
    ["million", `“million” ${NOT_A_NUMBER}`],
    [".", `“.” ${NOT_A_NUMBER}`],
    ["e5", `“e5” ${NOT_A_NUMBER}`],
    ["--5", `“--5” ${NOT_A_NUMBER}`],
    ["5 apples", `“5 apples” ${NOT_A_NUMBER}`],
    ["5k%", `“5k%” ${NOT_A_NUMBER}`],
    ["1,000e3", `“1,000e3” ${NOT_A_NUMBER}`],
    ["1.2.3", "“1.2.3” has more than one decimal point"],
    ["1..2", "“1..2” has more than one decimal point"],
    ["$43%", "“$43%” cannot be both US dollars and a percentage"],
    ["1e400", "“1e400” must be a finite number"],
    ["1e99999999999999999999999", "“1e99999999999999999999999” must be a finite number"],
    ["1e16", "“1e16” must be at most 1,000,000,000,000,000"],
    ["1,000,000,000,000,001", "“1,000,000,000,000,001” must be at most 1,000,000,000,000,000"],
    ["1000001 billion", "“1000001 billion” must be at most 1,000,000,000,000,000"],
    ["-2e15", "“-2e15” must be at least −1,000,000,000,000,000"],
  ])("%j", (input, message) => {
    expect(parseHumanNumber(input)).toEqual({ ok: false, message });
  });

  it.each(["", "   ", "\u00A0"])("asks for a number when the input is blank (%j)", (input) => {
    expect(parseHumanNumber(input)).toEqual({ ok: false, message: "Enter a number, like 76,000" });
  });

  it("refuses pasted paragraphs and shortens them in the message", () => {
    const result = parseHumanNumber("1".repeat(65));
    expect(result).toEqual({ ok: false, message: `“${"1".repeat(27)}…” is too long to be a number` });
  });

  it("reads an absurdly small exponent as zero rather than failing", () => {
    expect(parseHumanNumber("1e-99999999999999999999")).toEqual({ ok: true, value: 0 });
  });
});
