/**
 * Finds the numbers written out in a block's or a quote's text ("Over 76,000", "43 per cent",
 * "$203 million", "257,800+", "five") with the hedge that goes with them. The number itself is
 * read by the project's own parser (lib/numbers/parse.ts), so text and figure inputs agree on
 * what "4.9 million" or "$203M" means. Pure: no database, no formatting.
 */
import type { Qualifier } from "@/lib/domain";
import { parseHumanNumber } from "@/lib/numbers/parse";

/** What a written number is counted in, where the text says so. */
type WrittenUnit = "percent" | "usd" | "km" | "km2" | "m2" | null;

export type WrittenNumber = {
  /** The words as written, hedge included: "Over 76,000", "257,800+", "43 per cent". */
  text: string;
  value: number;
  hedge: Qualifier;
  unit: WrittenUnit;
  /** Where `text` starts in the text searched. */
  offset: number;
  /** The step the writer rounded to: 1,000 for "76,000", 100,000 for "4.9 million". */
  precision: number;
  /** A plain four-digit number between 1900 and 2100 ("since 2020"): a year, not a figure, unless an author says so. */
  looksLikeYear: boolean;
};

const HEDGES: readonly [RegExp, Exclude<Qualifier, null>][] = [
  [/\b(?:over|more than|above|in excess of)\s+$/i, "over"],
  [/\b(?:about|around|roughly|some|approximately)\s+$/i, "about"],
];

// Spelled-out counts the report uses ("two field missions", "five United Nations country teams").
// "one" is left out: it is a pronoun far more often than a figure.
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

const SCALE_WORDS: Record<string, number> = { thousand: 3, million: 6, billion: 9, trillion: 12, m: 6, mn: 6, bn: 9, b: 9 };

/**
 * Currency, digits (grouped by commas or not), fraction, scale, percent, area or length unit,
 * trailing "+". The look-behind keeps codes out ("S/2024/292", "A4", "1,000.5.3"); the
 * look-ahead keeps "2719th" or "4x4" from counting as numbers.
 */
const NUMBER_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.,_-])` +
    String.raw`(?:(US\$|\$)\s?)?` +
    String.raw`(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?` +
    String.raw`(?:(?:\s|\u00A0)(thousand|million|billion|trillion)\b|(M|mn|bn|B)(?![\p{L}\p{N}]))?` +
    String.raw`(?:(\s?%)|(?:\s|\u00A0)(per cent|percent)\b)?` +
    String.raw`(?:(?:\s|\u00A0)(km²|km2|m²|m2|km)(?![\p{L}\p{N}]))?` +
    String.raw`(\+)?` +
    String.raw`(?![\p{L}\p{N}]|[/_]\d)` +
    String.raw`|(?<![\p{L}-])(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)(?![\p{L}-])`,
  "giu",
);

// Live figures ("{{peacekeepers_total}}") are not written numbers: their digits are the key's.
const LIVE_FIGURE_RE = /\{\{[^}]*\}\}/g;

/** The hedge word just before `offset`, skipping a bold marker ("Over **8,200"). */
function hedgeBefore(text: string, offset: number): { hedge: Qualifier; start: number } {
  const before = text.slice(Math.max(0, offset - 40), offset).replace(/\*\*\s*$/, "");
  for (const [re, hedge] of HEDGES) {
    const m = re.exec(before);
    if (m) return { hedge, start: offset - (text.slice(Math.max(0, offset - 40), offset).length - m.index) };
  }
  return { hedge: null, start: offset };
}

function unitOf(percent: boolean, currency: boolean, area: string | undefined): WrittenUnit {
  if (percent) return "percent";
  if (currency) return "usd";
  if (!area) return null;
  if (area.startsWith("km")) return area === "km" ? "km" : "km2";
  return "m2";
}

/** Every written number of `text`, in order. */
export function findWrittenNumbers(text: string): WrittenNumber[] {
  const masked = text.replace(LIVE_FIGURE_RE, (m) => " ".repeat(m.length));
  const found: WrittenNumber[] = [];
  for (const m of masked.matchAll(NUMBER_RE)) {
    const [whole, currency, digits, fraction, scaleWord, scaleLetter, percentSign, percentWords, area, plus, word] = m;
    const start = m.index;
    let value: number;
    let precision: number;
    let unit: WrittenUnit = null;
    let numberText = whole.trimEnd();
    if (word) {
      value = NUMBER_WORDS[word.toLowerCase()] ?? 0;
      precision = 1;
    } else {
      const scale = scaleWord ?? scaleLetter;
      const typed = `${currency ?? ""}${digits}${fraction ?? ""}${scale ? ` ${scale}` : ""}${percentSign || percentWords ? "%" : ""}`;
      const parsed = parseHumanNumber(typed);
      if (!parsed.ok) continue;
      value = parsed.value;
      const power = scale ? (SCALE_WORDS[scale.toLowerCase()] ?? 0) : 0;
      const decimals = fraction ? fraction.length - 1 : 0;
      const trailingZeros = decimals === 0 ? (/0+$/.exec(digits!.replace(/,/g, ""))?.[0].length ?? 0) : 0;
      // "400" is rounded to hundreds, but "2,000" alone could be exact; writers round to the zeros they write.
      precision = 10 ** (power - decimals + Math.min(trailingZeros, digits!.replace(/,/g, "").length - 1));
      unit = unitOf(Boolean(percentSign || percentWords), Boolean(currency), area);
      numberText = whole.trimEnd();
    }
    const { hedge: before, start: hedgeStart } = hedgeBefore(masked, start);
    const hedge = plus ? "over" : before;
    const textStart = plus ? start : hedgeStart;
    found.push({
      text: (text.slice(textStart, start) + numberText).replace(/\*\*/g, ""),
      value,
      hedge,
      unit,
      offset: textStart,
      precision,
      looksLikeYear:
        !word && !hedge && unit === null && /^\d{4}$/.test(digits ?? "") && !fraction && !(scaleWord ?? scaleLetter) && value >= 1900 && value <= 2100,
    });
  }
  return found;
}
