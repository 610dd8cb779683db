/**
 * Live figures: `{{metric_key}}` in a block's text stands for the year's figure, printed as the
 * report prints it when the block is read. Pure: the caller supplies the figures.
 */
import { capitalised, printFigure, type PrintableFigure } from "@/lib/numbers/printed";

const LIVE_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every key the text names, in order of first appearance (malformed ones included, to be refused). */
export function liveFigureKeys(text: string): string[] {
  return [...new Set([...text.matchAll(LIVE_RE)].map((m) => m[1] ?? ""))];
}

// A figure opens a sentence at the start of the text, or after ". ", "! ", "? " or a bold marker there.
const OPENS_SENTENCE = /(?:^|[.!?]\s+)(?:\*\*)?$/;

/** The text with each live figure printed; an unknown key shows as “[key?]” (a save refuses them). */
export function renderLiveFigures(text: string, figures: ReadonlyMap<string, PrintableFigure>): string {
  return text.replace(LIVE_RE, (whole, key: string, offset: number) => {
    const figure = figures.get(key);
    if (!figure) return `[${key}?]`;
    const printed = printFigure(figure);
    return OPENS_SENTENCE.test(text.slice(0, offset)) ? capitalised(printed) : printed;
  });
}
