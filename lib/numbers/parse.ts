/**
 * Reads a figure the way an editor types it ("76,000", "$203M", "4.9 million", "43%")
 * into a plain number. Unit rules (whole counts, 0–100 percent…) are not applied here:
 * they live in lib/validation/value.ts so that one schema owns them.
 */
import { MAX_ABS_VALUE } from "@/lib/domain";

export type ParseResult = { ok: true; value: number } | { ok: false; message: string };

// Longer than any real figure: a pasted paragraph should fail fast with a clear message.
const MAX_INPUT_LENGTH = 64;

// Power of ten per scale word. Only what report editors actually write: "m"/"M" means
// million (as in "$203M"), never metres — a km or m² figure is typed without its unit.
const SCALES: Record<string, number> = {
  k: 3,
  thousand: 3,
  m: 6,
  mn: 6,
  mio: 6,
  million: 6,
  b: 9,
  bn: 9,
  billion: 9,
  t: 12,
  tn: 12,
  trillion: 12,
};

// Space, no-break space, narrow no-break space, thin space: what word processors and
// French/SI style put between thousands, so pasted figures keep working.
const SPACE_CLASS = "[ \\u00A0\\u202F\\u2009]";
const SCALE_RE = /^(.*?)\s*(thousand|million|billion|trillion|mio|mn|bn|tn|k|m|b|t)$/i;
const CURRENCY_RE = /^(?:US\s*\$|USD|\$)\s*/i;
const PERCENT_RE = /\s*%$/;
// Digits with an optional fraction, or grouped digits whose groups after the first are
// exactly three long: "7,60,00" (Indian grouping or a typo) must not silently become 76000.
const PLAIN_RE = /^(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;
const COMMA_GROUPED_RE = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;
const SPACE_GROUPED_RE = new RegExp(`^(\\d{1,3}(?:${SPACE_CLASS}\\d{3})+)(?:\\.(\\d+))?$`);

const EXAMPLE = "use digits with optional thousands separators, like 76,000";

/** Quoted for messages; long pastes are shortened so the message stays readable. */
function quote(input: string): string {
  const shown = input.length > 30 ? `${input.slice(0, 27)}…` : input;
  return `“${shown}”`;
}

function fail(message: string): ParseResult {
  return { ok: false, message };
}

/** Splits a numeric body into digit strings; null when it is not a well-formed number. */
function splitDigits(body: string): { int: string; frac: string; exp: string } | null {
  const grouped = COMMA_GROUPED_RE.exec(body) ?? SPACE_GROUPED_RE.exec(body);
  if (grouped) {
    return { int: (grouped[1] ?? "").replace(/\D/g, ""), frac: grouped[2] ?? "", exp: "0" };
  }
  const plain = PLAIN_RE.exec(body);
  // PLAIN_RE lets both digit runs be empty ("", ".", "e5"): there must be at least one digit.
  if (!plain || `${plain[1] ?? ""}${plain[2] ?? ""}` === "") return null;
  return { int: plain[1] ?? "", frac: plain[2] ?? "", exp: plain[3] ?? "0" };
}

export function parseHumanNumber(input: string): ParseResult {
  const trimmed = input.trim();
  if (trimmed === "") return fail(`Enter a number, like 76,000`);
  if (trimmed.length > MAX_INPUT_LENGTH) return fail(`${quote(trimmed)} is too long to be a number`);

  let rest = trimmed;
  let negative = false;
  // U+2212 is the minus the report itself prints, so a pasted figure round-trips.
  const sign = /^([+\-\u2212])\s*/.exec(rest);
  if (sign) {
    negative = sign[1] !== "+";
    rest = rest.slice(sign[0].length);
  }

  const currency = CURRENCY_RE.exec(rest);
  if (currency) rest = rest.slice(currency[0].length);
  const percent = PERCENT_RE.test(rest);
  if (percent) rest = rest.replace(PERCENT_RE, "");
  if (currency && percent) {
    return fail(`${quote(trimmed)} cannot be both US dollars and a percentage`);
  }

  let scale = 0;
  const scaled = SCALE_RE.exec(rest);
  if (scaled && !percent) {
    scale = SCALES[(scaled[2] ?? "").toLowerCase()] ?? 0;
    rest = scaled[1] ?? "";
  }

  if ((rest.match(/\./g) ?? []).length > 1) {
    return fail(`${quote(trimmed)} has more than one decimal point`);
  }
  const parts = splitDigits(rest);
  if (!parts) return fail(`${quote(trimmed)} is not a number: ${EXAMPLE}`);

  // Scale in decimal, not binary: "4.9 million" becomes the string "49e5", which
  // Number() reads exactly, whereas 4.9 * 1e6 would be 4900000.000000001.
  // Clamped so an absurd exponent ("1e-99999999999999999999") still reads as a number
  // (0 or Infinity) instead of producing "1e1e+23", which is NaN.
  const exponent = Math.max(-1000, Math.min(1000, Number(parts.exp) + scale - parts.frac.length));
  const magnitude = Number(`${parts.int}${parts.frac}e${exponent}`);
  if (!Number.isFinite(magnitude)) return fail(`${quote(trimmed)} must be a finite number`);
  if (magnitude > MAX_ABS_VALUE) {
    return negative ? fail(`${quote(trimmed)} must be at least −1,000,000,000,000,000`) : fail(`${quote(trimmed)} must be at most 1,000,000,000,000,000`);
  }
  // "-0" is zero: a signed zero would print as "-0" in tables.
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  return { ok: true, value };
}
