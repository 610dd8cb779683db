import type { Brief, BriefLine } from "@/lib/brief/model";

/** The brief as a page: the same generic sections, entries and lines as its Markdown and Word files. */
export function BriefView({ brief }: { brief: Brief }) {
  return (
    <div className="space-y-6">
      <p className="text-sm text-gray-700" data-testid="brief-summary">
        {brief.summary}
      </p>
      {brief.sections.map((section, i) => (
        <section key={section.heading} aria-labelledby={`brief-section-${i}`} className="card p-4">
          <h2 id={`brief-section-${i}`} className="text-lg font-semibold">
            {section.heading} <span className="text-sm font-normal text-gray-600">({section.entries.length})</span>
          </h2>
          {section.entries.length === 0 ? (
            <p className="mt-2 text-sm text-gray-700">{section.empty}</p>
          ) : (
            <ul className="mt-3 space-y-3 text-sm">
              {section.entries.map((entry, j) => (
                <li key={j}>
                  <p className="font-medium">{entry.title}</p>
                  {entry.lines.length > 0 ? (
                    <ul className="mt-1 space-y-0.5 pl-4 text-gray-800">
                      {entry.lines.map((line, k) => (
                        <li key={k} className="break-words">
                          <Line line={line} />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function Line({ line }: { line: BriefLine }) {
  const label = line.label ? <span className="font-medium">{line.label}: </span> : null;
  if ("text" in line) {
    return (
      <>
        {label}
        {line.label === "Series break" ? (
          <span className="mr-1 rounded-full border border-slate-400 bg-slate-100 px-2 py-0.5 text-xs font-medium">Series break</span>
        ) : null}
        {line.text}
      </>
    );
  }
  return (
    <>
      {label}
      {line.diff.map((p, i) =>
        p.removed ? (
          <del key={i} className="bg-red-50 text-red-900">
            {p.value}
          </del>
        ) : p.added ? (
          <ins key={i} className="bg-green-50 font-medium text-green-900 no-underline">
            {p.value}
          </ins>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </>
  );
}
