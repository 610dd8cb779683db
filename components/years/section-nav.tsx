import Link from "next/link";
import type { SectionSummary } from "@/lib/years/section-pages";

/** The sections of a large year, one page each, with how many of their figures have a value. */
export function SectionNav({ year, sections, current }: { year: number; sections: SectionSummary[]; current: string }) {
  const total = sections.reduce((n, s) => n + s.total, 0);
  return (
    <nav aria-labelledby="section-nav-heading" className="card p-4">
      <h2 id="section-nav-heading" className="text-sm font-medium text-gray-800">
        Sections <span className="font-normal text-gray-600">· {total} figures, shown one section at a time</span>
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {sections.map((s) => {
          const here = s.key === current;
          return (
            <li key={s.key}>
              <Link
                href={`/years/${year}?section=${s.key}`}
                aria-current={here ? "page" : undefined}
                className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm ${here ? "border-blue-700 bg-blue-700 text-white" : "border-gray-300 bg-white text-gray-800 hover:bg-gray-50"}`}
              >
                {s.title}
                <span className={`tabular-nums text-xs ${here ? "text-blue-100" : "text-gray-600"}`}>
                  {s.filled} of {s.total}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
