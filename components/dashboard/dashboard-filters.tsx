"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";

type Props = {
  years: { year: number; valueCount: number }[];
  sections: { key: string; title: string }[];
  year: number;
  section: string | null;
};

/**
 * Year and section of the dashboard, kept in the address (?year=&section=) so every view can be
 * linked to and is rendered on the server. Without JavaScript the form still submits by GET.
 */
export function DashboardFilters({ years, sections, year, section }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  const go = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const [name, value] of data) if (typeof value === "string" && value) params.set(name, value);
    startTransition(() => router.push(`${pathname}?${params.toString()}`, { scroll: false }));
  };

  return (
    <form
      method="get"
      className="flex flex-wrap items-end gap-3"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        go(e.currentTarget);
      }}
    >
      <div>
        <label htmlFor="dashboard-year" className="field-label">
          Year
        </label>
        <select
          id="dashboard-year"
          name="year"
          defaultValue={year}
          key={`year-${year}`}
          onChange={(e) => go(e.currentTarget.form!)}
          className="field-input w-52"
        >
          {years.map((y) => (
            <option key={y.year} value={y.year}>
              {y.year} ({y.valueCount} {y.valueCount === 1 ? "value" : "values"})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="dashboard-section" className="field-label">
          Section
        </label>
        <select
          id="dashboard-section"
          name="section"
          defaultValue={section ?? ""}
          key={`section-${section}`}
          onChange={(e) => go(e.currentTarget.form!)}
          className="field-input w-64 max-w-full"
        >
          <option value="">All sections</option>
          {sections.map((s) => (
            <option key={s.key} value={s.key}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <noscript>
        <button type="submit" className="btn-secondary">
          Show
        </button>
      </noscript>
      {pending ? (
        <span role="status" className="pb-2 text-sm text-gray-600">
          Loading…
        </span>
      ) : null}
    </form>
  );
}
