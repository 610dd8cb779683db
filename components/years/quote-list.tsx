import type { Section } from "@/db/queries/catalog";
import type { QuoteView } from "@/db/queries/years";
import { QuoteHistory } from "./quote-history";

export function QuoteList({ quotes, sections }: { quotes: QuoteView[]; sections: Section[] }) {
  if (quotes.length === 0) return <p className="mt-3 text-sm text-gray-600">No quotes for this year yet.</p>;
  const titleOf = new Map(sections.map((s) => [s.key, s.title]));
  const sectionTitles = Object.fromEntries(titleOf);
  return (
    <ul className="mt-3 grid gap-4 md:grid-cols-2">
      {quotes.map((quote) => (
        <li key={quote.id} id={`quote-${quote.id}`} className="card scroll-mt-20 p-5">
          <figure>
            {/* Text is rendered as text: React escapes it, so markup typed into a quote stays visible, not live. */}
            <blockquote className="whitespace-pre-line text-gray-900">“{quote.text}”</blockquote>
            <figcaption className="mt-3 text-sm">
              <span className="font-semibold">{quote.speaker}</span>
              <span className="text-gray-600">, {quote.title}</span>
              <span className="mt-1 block text-xs text-gray-500">{titleOf.get(quote.section) ?? quote.section}</span>
            </figcaption>
          </figure>
          <div className="mt-3">
            <QuoteHistory quoteId={quote.id} speaker={quote.speaker} sectionTitles={sectionTitles} />
          </div>
        </li>
      ))}
    </ul>
  );
}
