import type { BlockView } from "@/db/queries/blocks";
import { RenderedText } from "./rendered-text";

/** A section's text as the chapter prints it: headings, paragraphs, lists, captions with credits, operations. */
export function PrintedBlocks({ blocks }: { blocks: BlockView[] }) {
  if (blocks.length === 0) return null;
  const operations = blocks.filter((b) => b.kind === "operation");
  return (
    <div className="mt-4 space-y-3 text-base leading-relaxed">
      {blocks
        .filter((b) => b.kind !== "operation")
        .map((b) => {
          switch (b.kind) {
            case "heading":
              return (
                <h3 key={b.id} className="pt-2 text-lg font-semibold text-blue-900">
                  <RenderedText text={b.rendered} />
                </h3>
              );
            case "list_item":
              return (
                <p key={b.id} className="pl-5 -indent-4">
                  • <RenderedText text={b.rendered} />
                </p>
              );
            case "caption":
              return (
                <p key={b.id} className="text-sm italic text-gray-700">
                  <RenderedText text={b.rendered} /> ({[b.attributes.place, b.attributes.date].filter(Boolean).join("; ")})
                  {b.attributes.credit ? ` © ${b.attributes.credit}` : ""}
                </p>
              );
            default:
              return (
                <p key={b.id} className={b.attributes.role ? "text-sm text-gray-700" : undefined}>
                  <RenderedText text={b.rendered} />
                </p>
              );
          }
        })}
      {operations.length > 0 ? (
        <ul className="grid gap-1 text-sm sm:grid-cols-2" aria-label="Operations">
          {operations.map((b) => (
            <li key={b.id}>
              <strong>{b.attributes.acronym}</strong> {b.attributes.name}
              {b.attributes.note ? <span className="text-gray-700"> ({b.attributes.note})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
