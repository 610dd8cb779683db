/** A block's rendered text: `**bold**` marks the report's emphasised phrases; the rest is plain text, never HTML. */
export function RenderedText({ text }: { text: string }) {
  const parts = text.split(/(\*\*[^*]+\*\*)/).filter((p) => p !== "");
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith("**") && part.endsWith("**") ? (
          <strong key={i} className="font-semibold">
            {part.slice(2, -2)}
          </strong>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}
