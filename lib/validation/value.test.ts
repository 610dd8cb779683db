import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type Unit } from "@/lib/domain";
import { type MetricRules, valueNumberSchema, valueSaveSchema, zodFieldErrors } from "./value";

const rules = (unit: Unit, min: number | null = null, max: number | null = null): MetricRules => ({ unit, min, max });

/** The parsed number, or the single message the user would see. */
function check(r: MetricRules, input: unknown): number | null | string {
  const result = valueNumberSchema(r).safeParse(input);
  if (result.success) return result.data;
  expect(result.error.issues).toHaveLength(1);
  return result.error.issues[0]?.message ?? "";
}

describe("valueNumberSchema: numbers and typed strings", () => {
  it.each<[Unit, unknown, number]>([
    ["count", 76_000, 76_000],
    ["count", "76,000", 76_000],
    ["count", " 76 000 ", 76_000],
    ["count", "4.9 million", 4_900_000],
    ["count", "12k", 12_000],
    ["count", 0, 0],
    ["count", "1e15", 1e15],
    ["count", 1e15, 1e15],
    ["percent", "43%", 43],
    ["percent", "43.5 %", 43.5],
    ["percent", 43.5, 43.5],
    ["percent", 0, 0],
    ["percent", 100, 100],
    ["percent", "100%", 100],
    ["usd", "$203M", 203_000_000],
    ["usd", "US$ 203 million", 203_000_000],
    ["usd", "1.2 billion", 1_200_000_000],
    ["usd", 183_000.5, 183_000.5],
    ["usd", 0, 0],
    ["km", "121", 121],
    ["km", 12.5, 12.5],
    ["km2", "901", 901],
    ["m2", "5.7 million", 5_700_000],
  ])("%s accepts %j as %d", (unit, input, expected) => {
    expect(check(rules(unit), input)).toBe(expected);
  });

  it.each<[Unit, unknown, string]>([
    // count
    ["count", 1.5, "Value must be a whole number"],
    ["count", "1.5", "Value must be a whole number"],
    ["count", -1, "Value must be 0 or more"],
    ["count", "-5", "Value must be 0 or more"],
    ["count", 1e15 + 1, "Value must be at most 1,000,000,000,000,000"],
    ["count", 1e16, "Value must be at most 1,000,000,000,000,000"],
    ["count", -1e16, "Value must be 0 or more"],
    // percent
    ["percent", 100.1, "Value must be between 0 and 100"],
    ["percent", "101%", "Value must be between 0 and 100"],
    ["percent", -0.1, "Value must be between 0 and 100"],
    ["percent", 43.55, "Value must have at most one decimal place"],
    ["percent", "43.55%", "Value must have at most one decimal place"],
    ["percent", 0.01, "Value must have at most one decimal place"],
    // amounts
    ["usd", -1, "Value must be 0 or more"],
    ["usd", 1e15 + 1, "Value must be at most 1,000,000,000,000,000"],
    ["km", -0.5, "Value must be 0 or more"],
    ["km2", -901, "Value must be 0 or more"],
    ["m2", "-5.7 million", "Value must be 0 or more"],
    // not numbers at all
    ["count", Number.NaN, "Value must be a finite number"],
    ["count", Number.POSITIVE_INFINITY, "Value must be a finite number"],
    ["usd", Number.NEGATIVE_INFINITY, "Value must be a finite number"],
    ["count", "1e400", "Value “1e400” must be a finite number"],
    ["count", "1e16", "Value “1e16” must be at most 1,000,000,000,000,000"],
    ["count", "abc", "Value “abc” is not a number: use digits with optional thousands separators, like 76,000"],
    ["count", "7,60,00", "Value “7,60,00” is not a number: use digits with optional thousands separators, like 76,000"],
    ["count", "1.2.3", "Value “1.2.3” has more than one decimal point"],
    ["count", true, "Value must be a number"],
    ["count", {}, "Value must be a number"],
    ["count", [], "Value must be a number"],
    ["count", undefined, "Value is required"],
    // a symbol that belongs to another unit
    ["count", "43%", "Value is not a percentage: leave out the “%”"],
    ["km2", "5%", "Value is not a percentage: leave out the “%”"],
    ["count", "$203M", "Value is not in US dollars: leave out the “$”"],
    ["percent", "USD 5", "Value is not in US dollars: leave out the “$”"],
  ])("%s rejects %j: %s", (unit, input, message) => {
    expect(check(rules(unit), input)).toBe(message);
  });

  it.each([null, "", "   "])("clears the value for %j", (input) => {
    expect(check(rules("count"), input)).toBeNull();
  });

  it("names the field with the metric's label", () => {
    const r: MetricRules = { unit: "count", min: null, max: null, label: "Peacekeepers" };
    expect(check(r, 1.5)).toBe("Peacekeepers must be a whole number");
    expect(check(r, "abc")).toMatch(/^Peacekeepers “abc” is not a number/);
  });
});

describe("valueNumberSchema: the metric's own min and max", () => {
  it.each<[MetricRules, unknown, number | string]>([
    [rules("count", 10, null), 10, 10],
    [rules("count", 10, null), 9, "Value must be at least 10"],
    [rules("count", 10_000, null), "9,999", "Value must be at least 10,000"],
    [rules("count", null, 100_000), 100_000, 100_000],
    [rules("count", null, 100_000), "100,001", "Value must be at most 100,000"],
    [rules("usd", 1_000_000, 500_000_000), "$203M", 203_000_000],
    [rules("usd", 1_000_000, 500_000_000), "$600M", "Value must be at most 500,000,000"],
    [rules("percent", 10, 50), 50, 50],
    [rules("percent", 10, 50), 50.5, "Value must be at most 50"],
    [rules("percent", 10.5, null), 10.4, "Value must be at least 10.5"],
    [rules("km", 0, 0), 0, 0],
    // Unit rules come first: the unit's reason is the one to fix.
    [rules("count", 10, null), 1.5, "Value must be a whole number"],
    [rules("percent", null, 50), 101, "Value must be between 0 and 100"],
  ])("%j with %j → %j", (r, input, expected) => {
    expect(check(r, input)).toBe(expected);
  });
});

describe("valueSaveSchema", () => {
  const schema = valueSaveSchema(rules("count"));

  it("parses a full form submission", () => {
    const parsed = schema.parse({
      value: "76,000",
      qualifier: "over",
      note: "  Deployed in 11 missions  ",
      source: "DPO fact sheet",
      version: 3,
      reason: "Corrected after review",
    });
    expect(parsed).toEqual({
      value: 76_000,
      qualifier: "over",
      note: "Deployed in 11 missions",
      source: "DPO fact sheet",
      version: 3,
      reason: "Corrected after review",
    });
  });

  it("needs only the value; optional fields stay absent", () => {
    expect(schema.parse({ value: 5 })).toEqual({ value: 5 });
    expect(schema.parse({ value: null })).toEqual({ value: null });
    expect(schema.parse({ value: "" })).toEqual({ value: null });
  });

  it("strips unknown keys", () => {
    expect(schema.parse({ value: 5, metricId: 9, isAdmin: true })).toEqual({ value: 5 });
  });

  it.each<[unknown, "over" | "about" | null | undefined]>([
    ["over", "over"],
    ["about", "about"],
    [null, null],
    ["", null],
    ["none", null],
    [undefined, undefined],
  ])("qualifier %j → %j", (qualifier, expected) => {
    expect(schema.parse({ value: 5, qualifier }).qualifier).toBe(expected);
  });

  it.each(["Over", "approximately", 1, true])("rejects qualifier %j", (qualifier) => {
    expect(zodFieldErrors(schema.safeParse({ value: 5, qualifier }).error!)).toEqual({
      qualifier: "Qualifier must be “over”, “about” or none",
    });
  });

  it.each<["note" | "source" | "reason", string, number]>([
    ["note", "Note", 2_000],
    ["source", "Source", 1_000],
    ["reason", "Reason", 1_000],
  ])("%s: trimmed, blank → null, at most the limit", (field, label, limit) => {
    expect(schema.parse({ value: 5, [field]: "   " })[field]).toBeNull();
    expect(schema.parse({ value: 5, [field]: "" })[field]).toBeNull();
    expect(schema.parse({ value: 5, [field]: null })[field]).toBeNull();
    expect(schema.parse({ value: 5, [field]: ` ${"x".repeat(limit)} ` })[field]).toBe("x".repeat(limit));
    const tooLong = schema.safeParse({ value: 5, [field]: "x".repeat(limit + 1) });
    expect(zodFieldErrors(tooLong.error!)).toEqual({
      [field]: `${label} must be at most ${limit.toLocaleString("en-US")} characters`,
    });
    expect(zodFieldErrors(schema.safeParse({ value: 5, [field]: 42 }).error!)).toEqual({
      [field]: `${label} must be text`,
    });
  });

  it("words the note limit as the brief's example", () => {
    const result = schema.safeParse({ value: 5, note: "x".repeat(2_001) });
    expect(result.error?.issues[0]?.message).toBe("Note must be at most 2,000 characters");
  });

  it.each<[unknown, string]>([
    [1.5, "Version must be a whole number"],
    [-1, "Version must be 0 or more"],
    ["3", "Version must be a number"],
  ])("rejects version %j", (version, message) => {
    expect(zodFieldErrors(schema.safeParse({ value: 5, version }).error!)).toEqual({ version: message });
  });

  it("accepts version 0", () => {
    expect(schema.parse({ value: 5, version: 0 }).version).toBe(0);
  });

  it("reports every bad field at once", () => {
    const result = valueSaveSchema(rules("percent")).safeParse({
      value: "43.55%",
      qualifier: "maybe",
      note: "x".repeat(2_001),
      version: -1,
    });
    expect(zodFieldErrors(result.error!)).toEqual({
      value: "Value must have at most one decimal place",
      qualifier: "Qualifier must be “over”, “about” or none",
      note: "Note must be at most 2,000 characters",
      version: "Version must be 0 or more",
    });
  });

  it("requires the value key", () => {
    expect(zodFieldErrors(schema.safeParse({}).error!)).toEqual({ value: "Value is required" });
  });

  it("rejects a body that is not an object", () => {
    const result = schema.safeParse("76,000");
    expect(Object.keys(zodFieldErrors(result.error!))).toEqual(["_"]);
  });
});

describe("zodFieldErrors", () => {
  it("keeps the first message per field and joins nested paths with dots", () => {
    const schema = z.object({
      name: z.string().min(3, "Name is too short").startsWith("A", "Name must start with A"),
      rows: z.array(z.object({ value: z.number({ error: "Row value must be a number" }) })),
    });
    const result = schema.safeParse({ name: "b", rows: [{ value: 1 }, { value: "x" }] });
    expect(zodFieldErrors(result.error!)).toEqual({
      name: "Name is too short",
      "rows.1.value": "Row value must be a number",
    });
  });

  it("uses _ for an issue about the whole input", () => {
    const result = valueNumberSchema(rules("count")).safeParse(-1);
    expect(zodFieldErrors(result.error!)).toEqual({ _: "Value must be 0 or more" });
  });
});
