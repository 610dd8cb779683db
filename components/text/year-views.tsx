import Link from "next/link";

/** The two views of a year: its figures and quotes, and the chapter's text, with how many written numbers need checking. */
export function YearViews({ year, current, textChecks = 0 }: { year: number; current: "figures" | "text"; textChecks?: number }) {
  const views = [
    { key: "figures", label: "Figures and quotes", href: `/years/${year}` },
    { key: "text", label: "Text", href: `/years/${year}/text` },
  ] as const;
  return (
    <nav aria-label={`Views of ${year}`} className="flex gap-1 border-b border-gray-200">
      {views.map((v) => (
        <Link
          key={v.key}
          href={v.href}
          aria-current={v.key === current ? "page" : undefined}
          className={`-mb-px rounded-t-md border px-3 py-2 text-sm font-medium ${v.key === current ? "border-gray-200 border-b-white bg-white text-blue-800" : "border-transparent text-gray-700 hover:text-gray-900"}`}
        >
          {v.label}
          {v.key === "text" && textChecks > 0 ? (
            <span className="ml-2 rounded-full bg-red-100 px-2 py-0.5 text-xs text-red-800">
              {textChecks} number{textChecks === 1 ? "" : "s"} to check
            </span>
          ) : null}
        </Link>
      ))}
    </nav>
  );
}
