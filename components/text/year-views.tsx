import Link from "next/link";

/** The two views of a year: its figures and quotes, and the chapter's text. */
export function YearViews({ year, current }: { year: number; current: "figures" | "text" }) {
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
        </Link>
      ))}
    </nav>
  );
}
