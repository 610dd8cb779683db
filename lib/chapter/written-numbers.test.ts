import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findWrittenNumbers } from "./written-numbers";

const SOURCE = fs.readFileSync(path.join(process.cwd(), "db", "seed", "fostering-peace-and-security-2023.txt"), "utf8").replace(/\\\$/g, "$");

describe("findWrittenNumbers on the 2023 chapter", () => {
  it("finds every number of the source, in order, with its hedge, unit and whether it is a year", () => {
    const found = SOURCE.split("\n").flatMap((line) =>
      findWrittenNumbers(line).map((n) => `${n.text}|${n.hedge ?? ""}|${n.unit ?? ""}|${n.looksLikeYear ? "y" : ""}`),
    );
    // Not numbers: the document code "S/2024/292", "seventh", "a dozen", "hundreds".
    expect(found).toEqual([
      "2023|||y",
      "2023|||y",
      "2023|||y",
      "76,000|||",
      "6,000|||",
      "120|||",
      "11|||",
      "2024|||y",
      "1244|||",
      "1999|||y",
      "2023|||y",
      "2023|||y",
      "2024|||y",
      "152|||",
      "28|||",
      "5|||",
      "34|||",
      "99|||",
      "2023|||y",
      "over 400|over||",
      "more than 50|over||",
      "over 100|over||",
      "two|||",
      "Over 76,000|over||",
      "over 13,000|over||",
      "2024|||y",
      "133|||",
      "74|||",
      "46|||",
      "40 per cent||percent|",
      "2020|||y",
      "2719|||",
      "2023|||y",
      "2023|||y",
      "two|||",
      "2023|||y",
      "2023|||y",
      "12|||",
      "300|||",
      "43%||percent|",
      "36%||percent|",
      "31%||percent|",
      "24%||percent|",
      "$203M||usd|",
      "$132M||usd|",
      "36|||",
      "2023|||y",
      "14|||",
      "20|||",
      "over $200 million|over|usd|",
      "36|||",
      "30 per cent||percent|",
      "over 130|over||",
      "36|||",
      "23|||",
      "2023|||y",
      "2024|||y",
      "50|||",
      "21|||",
      "13|||",
      "2024|||y",
      "Over 8,200|over||",
      "15|||",
      "around 45,000|about||",
      "2022|||y",
      "50 per cent||percent|",
      "53 per cent||percent|",
      "2023|||y",
      "over 70 per cent|over|percent|",
      "over 4.9 million|over||",
      "roughly 5.7 million m²|about|m2|",
      "4,600|||",
      "over 3,400|over||",
      "2023|||y",
      "257,800+|over||",
      "901 km²||km2|",
      "121 km||km|",
      "21,000|||",
      "8,200|||",
      "2023|||y",
      "117.3 million|||",
      "40 per cent||percent|",
      "over 200,000|over||",
      "2000|||y",
      "over 10,600|over||",
      "2023|||y",
      "over 33,000|over||",
      "26|||",
      "2008|||y",
      "11|||",
      "47|||",
      "five|||",
      "2023|||y",
    ]);
  });

  it("reads the report's forms to the figures they mean", () => {
    const value = (text: string) => findWrittenNumbers(text)[0]?.value;
    expect(value("over $200 million")).toBe(200_000_000);
    expect(value("$203M")).toBe(203_000_000);
    expect(value("over 4.9 million")).toBe(4_900_000);
    expect(value("roughly 5.7 million m²")).toBe(5_700_000);
    expect(value("117.3 million")).toBe(117_300_000);
    expect(value("257,800+")).toBe(257_800);
    expect(value("43 per cent")).toBe(43);
    expect(value("five")).toBe(5);
  });
});
