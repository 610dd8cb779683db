import type { FigureChoice } from "./figure-text-input";
import { WrittenNumbers, type NumberItem } from "./written-numbers";

type QuoteItem = { id: number; speaker: string; text: string; numbers: NumberItem[] };

/** The section's quotes as far as their written numbers go: tied, failing or untied, like a block's. Quotes are edited on the figures view. */
export function SectionQuotes({ quotes, figures, editable }: { quotes: QuoteItem[]; figures: FigureChoice[]; editable: boolean }) {
  const withNumbers = quotes.filter((q) => q.numbers.some((n) => n.status !== "not_figure"));
  if (withNumbers.length === 0) return null;
  return (
    <section aria-labelledby="section-quotes-heading" className="space-y-3">
      <h2 id="section-quotes-heading" className="text-lg font-semibold">
        Numbers in this section&apos;s quotes
      </h2>
      <ul className="space-y-3">
        {withNumbers.map((q) => {
          const failing = q.numbers.some((n) => n.status === "tied" && n.states === false);
          return (
            <li key={q.id} data-quote={q.id} className={`card p-4 ${failing ? "border-red-300 ring-1 ring-red-200" : ""}`}>
              <blockquote className="italic text-gray-900">“{q.text}”</blockquote>
              <p className="mt-1 text-sm text-gray-700">— {q.speaker}</p>
              <WrittenNumbers ownerId={`quote-${q.id}`} numbers={q.numbers} figures={figures} editable={editable} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
