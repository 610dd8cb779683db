/**
 * Whether a year page shows every section at once or one at a time. The report has about
 * 50 figures, which read and edit best on one page; a catalogue of hundreds would make that
 * page hundreds of forms long and slow to serve, so past `limit` figures the page shows one
 * section, with a list of all of them to move between.
 */
import { FIGURES_ON_ONE_PAGE } from "@/lib/domain";

export type SectionSummary = { key: string; title: string; filled: number; total: number };

export type SectionPages = { mode: "all" } | { mode: "one"; section: string; sections: SectionSummary[] };

export function sectionPages(
  sections: readonly { key: string; title: string }[],
  rows: readonly { section: string; filled: boolean }[],
  asked: string | undefined,
  limit = FIGURES_ON_ONE_PAGE,
): SectionPages {
  if (rows.length <= limit) return { mode: "all" };
  const summaries = sections
    .map((s) => {
      const inSection = rows.filter((r) => r.section === s.key);
      return { key: s.key, title: s.title, filled: inSection.filter((r) => r.filled).length, total: inSection.length };
    })
    .filter((s) => s.total > 0);
  const chosen = summaries.find((s) => s.key === asked) ?? summaries[0];
  return chosen ? { mode: "one", section: chosen.key, sections: summaries } : { mode: "all" };
}
