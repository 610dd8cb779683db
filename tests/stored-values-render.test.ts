import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { YearFigures } from "@/components/years/year-figures";
import type { YearValueRow } from "@/db/queries/years";
import { PROVENANCE_FIELDS } from "@/lib/validation/provenance";

const row = (metricKey: string, source: string): YearValueRow =>
  ({
    metricKey,
    label: `Figure ${metricKey}`,
    section: "peacekeeping",
    unit: "count",
    direction: "up",
    archived: false,
    value: 12,
    qualifier: null,
    note: null,
    source,
    version: 1,
    updatedAt: null,
    updatedBy: null,
    ...Object.fromEntries(PROVENANCE_FIELDS.map((field) => [field, null])),
  }) as YearValueRow;

// The comment drawers ask for the router, which only a running app mounts; rendering needs none.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));

describe("the read-only year page with sources saved before they were checked", () => {
  it("renders every figure: a broken address as text, a good one as a link, script-like text as text", () => {
    const html = renderToStaticMarkup(
      createElement(YearFigures, {
        year: 2061,
        sections: [{ key: "peacekeeping", title: "Our peacekeeping work", sortOrder: 1 }],
        values: [row("broken", "http://%zz"), row("good", "https://www.un.org/en/peacekeeping"), row("script", "javascript:alert(1)")],
        previous: new Map(),
        comments: { openCounts: {}, canComment: false, canResolve: false },
      }),
    );
    expect(html).toContain("Source: http://%zz");
    expect(html).toContain('href="https://www.un.org/en/peacekeeping"');
    expect(html).not.toContain('href="javascript:');
    expect(html.match(/data-metric=/g)).toHaveLength(3);
  });

  it("shows each change against the nearest earlier value as /compare computes it", () => {
    const html = renderToStaticMarkup(
      createElement(YearFigures, {
        year: 2061,
        sections: [{ key: "peacekeeping", title: "Our peacekeeping work", sortOrder: 1 }],
        values: [row("grew", "UN"), row("from_zero", "UN")],
        previous: new Map([
          ["grew", { metricKey: "grew", year: 2059, value: 8, qualifier: null }],
          ["from_zero", { metricKey: "from_zero", year: 2060, value: 0, qualifier: null }],
        ]),
        comments: { openCounts: {}, canComment: false, canResolve: false },
      }),
    );
    expect(html).toContain("2059: 8 · change +4 (+50.0%)");
    // A change from zero has no percentage.
    expect(html).toContain("2060: 0 · change +12</p>");
  });
});
