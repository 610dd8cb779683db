/**
 * How figures are printed: as the report words them (formatValue), exactly for inputs
 * and tables (formatPlain), and as year-on-year changes (formatDelta, formatPercentChange).
 *
 * Rounding is done with integer arithmetic and Number#toFixed / #toString, whose output
 * ECMA-262 pins down digit for digit; Intl only inserts the en-US commas into integers.
 * That keeps the server render and the browser hydration identical, whatever the locale.
 */
import { type Qualifier, type Unit } from "@/lib/domain";

// The report's typographic minus: a hyphen looks like a dash next to figures.
const MINUS = "\u2212";
const EM_DASH = "—";

/**
 * en-US thousands separators for a string of digits. Done by hand because Intl.NumberFormat
 * cost a dashboard of 400 figures about 10 ms per request; the output is the same.
 */
function grouped(digits: string): string {
  // toFixed and toString answer in exponent form from 1e21 on, far above MAX_ABS_VALUE.
  if (digits.includes("e")) return digits;
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** A non-negative integer below 1e21 (every figure the report can hold), grouped: "76,000". */
const groupInteger = (n: number) => grouped(n.toFixed(0));

type Scale = readonly [size: number, suffix: string];
// Largest first. Counts and areas are worded ("4.9 million"); money is abbreviated
// ("$203M") because that is how the report prints budgets.
const WORD_SCALES: readonly Scale[] = [
  [1e12, " trillion"],
  [1e9, " billion"],
  [1e6, " million"],
];
const USD_SCALES: readonly Scale[] = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
];

const UNIT_SUFFIX: Record<Unit, string> = {
  count: "",
  percent: "%",
  usd: "",
  km: " km",
  km2: " km²",
  m2: " m²",
};

const UNIT_LABELS: Record<Unit, string> = {
  count: "Count",
  percent: "Percent",
  usd: "US dollars",
  km: "Kilometres",
  km2: "Square kilometres",
  m2: "Square metres",
};

/** Non-negative `abs` to at most `digits` decimals, grouped with commas. */
function fixed(abs: number, digits: number, keepZeros = false): string {
  const [int = "0", frac = ""] = abs.toFixed(digits).split(".");
  const shownFrac = keepZeros ? frac : frac.replace(/0+$/, "");
  return grouped(int) + (shownFrac ? `.${shownFrac}` : "");
}

/**
 * One decimal of the largest scale that fits, or null below a million (the report
 * prints "257,800", never "0.3 million"). Rounds on an integer count of tenths so
 * 4,850,000 gives 4.9 (4.85 as a double is 4.8499… and toFixed would say 4.8).
 */
function compacted(abs: number, scales: readonly Scale[]): string | null {
  const index = scales.findIndex(([size]) => abs >= size);
  if (index === -1) return null;
  let [size, suffix] = scales[index] as Scale;
  let tenths = Math.round(abs / (size / 10));
  // 999,960,000 rounds to "1,000 million": say "1 billion" instead.
  const larger = scales[index - 1];
  if (tenths >= 10_000 && larger) {
    [size, suffix] = larger;
    tenths = Math.round(abs / (size / 10));
  }
  const whole = groupInteger(Math.floor(tenths / 10));
  const tenth = tenths % 10;
  return `${tenth === 0 ? whole : `${whole}.${tenth}`}${suffix}`;
}

/** A non-negative figure with its unit, without sign or qualifier. */
function figure(abs: number, unit: Unit, compact: boolean): string {
  switch (unit) {
    case "percent":
      // Two decimals, not one: a stored 43.55 (the rule allows one) should show, not hide.
      return `${fixed(abs, 2)}%`;
    case "usd": {
      const short = compact ? compacted(abs, USD_SCALES) : null;
      // Cents are printed in pairs ("$12.50"), whole dollars without (".00" is noise).
      return `$${short ?? (Number.isInteger(abs) ? fixed(abs, 0) : fixed(abs, 2, true))}`;
    }
    default: {
      const short = compact ? compacted(abs, WORD_SCALES) : null;
      return `${short ?? fixed(abs, 2)}${UNIT_SUFFIX[unit]}`;
    }
  }
}

/** The figure as the report prints it: "over 76,000", "$203M", "43%", "5.7 million m²". */
export function formatValue(value: number | null, unit: Unit, qualifier: Qualifier = null, opts: { compact?: boolean } = {}): string {
  if (value === null || !Number.isFinite(value)) return EM_DASH;
  const prefix = qualifier ? `${qualifier} ` : "";
  const sign = value < 0 ? MINUS : "";
  return `${prefix}${sign}${figure(Math.abs(value), unit, opts.compact ?? true)}`;
}

/**
 * The exact number for inputs and tables: "203,000,000", "43", "12.5". Built from
 * Number#toString (the shortest string that reads back as the same double) so that
 * saving a form unchanged never alters the stored value. ASCII "-" so it re-parses anywhere.
 */
export function formatPlain(value: number | null, _unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return "";
  const abs = Math.abs(value);
  let digits = String(abs);
  // toString switches to exponent form below 1e-6; no real figure is that small.
  if (digits.includes("e")) digits = abs.toFixed(20).replace(/\.?0+$/, "");
  const [int = "0", frac] = digits.split(".");
  const sign = value < 0 && abs !== 0 ? "-" : "";
  return `${sign}${grouped(int)}${frac ? `.${frac}` : ""}`;
}

/** Signed change between two years: "+1,108", "−2,000", "+7 pts", "+$29.3M", "0". */
export function formatDelta(delta: number | null, unit: Unit): string {
  if (delta === null || !Number.isFinite(delta)) return EM_DASH;
  if (unit === "percent") {
    // Percentages differ in points, and a difference of one-decimal figures has one
    // decimal; rounding also drops float noise such as 43.5 − 43.4 = 0.10000000000000142.
    const tenths = Math.round(Math.abs(delta) * 10);
    if (tenths === 0) return "0";
    const points = fixed(tenths / 10, 1);
    return `${delta > 0 ? "+" : MINUS}${points} ${tenths === 10 ? "pt" : "pts"}`;
  }
  const shown = figure(Math.abs(delta), unit, true);
  // Decide "0" on what is shown: a float-noise delta of 0.000001 km would read "+0 km".
  if (!/[1-9]/.test(shown)) return "0";
  return `${delta > 0 ? "+" : MINUS}${shown}`;
}

/** Relative change with one decimal: "+1.5%", "−12.0%". */
export function formatPercentChange(pct: number | null): string {
  if (pct === null || !Number.isFinite(pct)) return EM_DASH;
  const shown = fixed(Math.abs(pct), 1, true);
  // "−0.0%" would claim a fall that rounding erased.
  if (shown === "0.0") return "0.0%";
  return `${pct > 0 ? "+" : MINUS}${shown}%`;
}

export function unitLabel(unit: Unit): string {
  return UNIT_LABELS[unit];
}
