/**
 * A figure as printed in the chapter: the report's formatting (lib/numbers/format.ts) with the
 * value's own printed wording in place of the qualifier's word when it has one: "more than 50",
 * "257,800+", "Over 76,000" at the start of a sentence.
 */
import type { Qualifier, Unit } from "@/lib/domain";
import { formatValue } from "./format";

export type PrintableFigure = { value: number | null; unit: Unit; qualifier: Qualifier; wording?: string | null };

export function printFigure(f: PrintableFigure): string {
  const wording = f.wording?.trim();
  if (f.value === null || !wording) return formatValue(f.value, f.unit, f.qualifier);
  const bare = formatValue(f.value, f.unit, null);
  // A trailing mark such as "+" follows the number; words go before it.
  return /^[+]+$/.test(wording) ? `${bare}${wording}` : `${wording} ${bare}`;
}

/** "over 76,000" → "Over 76,000", for a figure that opens a sentence. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
