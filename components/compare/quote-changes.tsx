import type { QuoteComparison, QuoteLike } from "@/lib/compare/compare";

type Props = { quotes: QuoteComparison; from: number; to: number; titles: Map<string, string> };

/** Quotes added, removed and reworded between two years; rewording is shown word by word. */
export function QuoteChanges({ quotes, from, to, titles }: Props) {
  const { added, removed, changed } = quotes;
  if (added.length + removed.length + changed.length === 0) {
    return (
      <p className="text-sm text-gray-700">
        The quotes of {from} and {to} are the same.
      </p>
    );
  }
  return (
    <div className="space-y-6">
      {changed.length > 0 ? (
        <section aria-labelledby="quotes-changed">
          <h3 id="quotes-changed" className="text-base font-semibold">
            Changed ({changed.length})
          </h3>
          <ul className="mt-2 space-y-3">
            {changed.map((c) => (
              <li key={`${c.from.id}-${c.to.id}`} className="card p-4">
                <QuoteHeading quote={c.to} titles={titles} />
                {c.from.title !== c.to.title ? <p className="text-xs text-gray-700">Title was “{c.from.title}”</p> : null}
                <blockquote className="mt-2 text-sm leading-relaxed text-gray-900">
                  {c.diff.map((part, i) =>
                    part.added ? (
                      <ins key={i} className="rounded-sm bg-emerald-100 text-emerald-900 decoration-emerald-700">
                        <span className="sr-only">[added: </span>
                        {part.value}
                        <span className="sr-only">]</span>
                      </ins>
                    ) : part.removed ? (
                      <del key={i} className="rounded-sm bg-rose-100 text-rose-900">
                        <span className="sr-only">[removed: </span>
                        {part.value}
                        <span className="sr-only">]</span>
                      </del>
                    ) : (
                      <span key={i}>{part.value}</span>
                    ),
                  )}
                </blockquote>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <QuoteGroup id="quotes-added" title={`Added in ${to}`} quotes={added} titles={titles} />
      <QuoteGroup id="quotes-removed" title={`Removed since ${from}`} quotes={removed} titles={titles} />
    </div>
  );
}

function QuoteHeading({ quote, titles }: { quote: QuoteLike; titles: Map<string, string> }) {
  return (
    <p className="text-sm">
      <span className="font-semibold">{quote.speaker}</span>
      <span className="text-gray-700">, {quote.title}</span>
      <span className="block text-xs text-gray-600">{titles.get(quote.section) ?? quote.section}</span>
    </p>
  );
}

function QuoteGroup({ id, title, quotes, titles }: { id: string; title: string; quotes: QuoteLike[]; titles: Map<string, string> }) {
  if (quotes.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="text-base font-semibold">
        {title} ({quotes.length})
      </h3>
      <ul className="mt-2 grid gap-3 md:grid-cols-2">
        {quotes.map((q) => (
          <li key={q.id} className="card p-4">
            <QuoteHeading quote={q} titles={titles} />
            <blockquote className="mt-2 text-sm leading-relaxed text-gray-900">{q.text}</blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}
