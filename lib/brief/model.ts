/**
 * "Changes since the last edition": the memo a reviewer circulates before sign-off. One pure
 * model, so the Markdown and the Word renderings (and the page) say the same thing. A section
 * is a heading and entries; an entry is a title and lines, a line plain text or a word diff.
 * A new kind of change (text blocks) is one more section, not a new renderer.
 */
import type { Check } from "@/lib/checks/types";
import type { BlockComparison, CompareRow, DiffPart, QuoteComparison } from "@/lib/compare/compare";
import { formatDelta, formatPercentChange, formatValue } from "@/lib/numbers/format";

export type BriefLine = { label?: string; text: string } | { label?: string; diff: DiffPart[] };
type BriefEntry = { title: string; lines: BriefLine[] };
type BriefSection = { heading: string; empty: string; entries: BriefEntry[] };
export type Brief = { title: string; summary: string; sections: BriefSection[] };

export type BriefInput = {
  from: number;
  to: number;
  rows: CompareRow[];
  /** The source of each figure in `to`, by metric key. */
  sources: ReadonlyMap<string, string | null>;
  quotes: QuoteComparison;
  /** The chapter's blocks, compared as written, and how many `to` has. */
  blocks: BlockComparison<{ kind: string; section: string; text: string }>;
  blocksInTo: number;
  /** The unresolved checks of `to`. */
  checks: Check[];
  sectionTitles: ReadonlyMap<string, string>;
};

const qualifierWord = (q: CompareRow["fromQualifier"]) => q ?? "exact";

export function buildBrief(input: BriefInput): Brief {
  const { from, to, rows } = input;
  const printed = (value: number | null, row: CompareRow, qualifier: CompareRow["fromQualifier"]) => formatValue(value, row.unit, qualifier);
  const source = (row: CompareRow): BriefLine[] => {
    const s = input.sources.get(row.metricKey);
    return s ? [{ label: "Source", text: s }] : [];
  };
  const titled = (row: CompareRow) => `${row.label} (${input.sectionTitles.get(row.section) ?? row.section})`;

  const changed: BriefEntry[] = rows
    .filter((r) => r.status === "changed")
    .map((r) => ({
      title: titled(r),
      lines: [
        { text: `${printed(r.from, r, r.fromQualifier)} → ${printed(r.to, r, r.toQualifier)}` },
        { label: "Change", text: `${formatDelta(r.delta, r.unit)}${r.deltaPct !== null ? ` (${formatPercentChange(r.deltaPct)})` : ""}` },
        ...(r.qualifierChanged ? [{ label: "Wording", text: `${qualifierWord(r.fromQualifier)} → ${qualifierWord(r.toQualifier)}` }] : []),
        ...(r.break ? [{ label: "Series break", text: `${r.break} (the two figures measure different things: the change is not news)` }] : []),
        ...source(r),
      ],
    }));
  const appeared: BriefEntry[] = rows
    .filter((r) => r.status === "added")
    .map((r) => ({ title: titled(r), lines: [{ label: `New in ${to}`, text: printed(r.to, r, r.toQualifier) }, ...source(r)] }));
  const disappeared: BriefEntry[] = rows
    .filter((r) => r.status === "removed")
    .map((r) => ({ title: titled(r), lines: [{ label: `Was in ${from}`, text: printed(r.from, r, r.fromQualifier) }, { text: `No value in ${to}` }] }));

  const speaker = (q: { speaker: string; title: string }) => (q.title ? `${q.speaker}, ${q.title}` : q.speaker);
  const quotes: BriefEntry[] = [
    ...input.quotes.added.map((q) => ({ title: `Added: ${speaker(q)}`, lines: [{ text: q.text }] })),
    ...input.quotes.removed.map((q) => ({ title: `Removed: ${speaker(q)}`, lines: [{ text: q.text }] })),
    ...input.quotes.changed.map((q) => ({ title: `Changed: ${speaker(q.to)}`, lines: [{ diff: q.diff }] })),
  ];

  const blockTitle = (verb: string, b: { kind: string; section: string }) =>
    `${verb}: ${b.kind.replace("_", " ")} in ${input.sectionTitles.get(b.section) ?? b.section}`;
  // A year whose text is not written yet would otherwise list every block of the last edition as removed.
  const notWrittenYet = input.blocksInTo === 0 && input.blocks.removed.length > 0;
  const blocks: BriefEntry[] = notWrittenYet
    ? [
        {
          title: `${to} has no text yet`,
          lines: [
            {
              text: `None of the ${input.blocks.removed.length} blocks of ${from}'s chapter is in ${to}: copy them when opening a year, or write the text on the year's Text view.`,
            },
          ],
        },
      ]
    : [
        ...input.blocks.added.map((b) => ({ title: blockTitle("Added", b), lines: [{ text: b.text }] })),
        ...input.blocks.removed.map((b) => ({ title: blockTitle("Removed", b), lines: [{ text: b.text }] })),
        ...input.blocks.changed.map((c) => ({ title: blockTitle("Changed", c.to), lines: [{ diff: c.diff }] })),
      ];

  const checks: BriefEntry[] = input.checks.map((c) => ({ title: `${c.severity === "error" ? "Error" : "Warning"}: ${c.message}`, lines: [] }));

  return {
    title: `Changes since the last edition: ${from} → ${to}`,
    summary: `${changed.length} figure${changed.length === 1 ? "" : "s"} changed, ${appeared.length} appeared, ${disappeared.length} disappeared; ${quotes.length} quote change${quotes.length === 1 ? "" : "s"}, ${blocks.length} change${blocks.length === 1 ? "" : "s"} to the text; ${input.checks.length} unresolved check${input.checks.length === 1 ? "" : "s"} in ${to}.`,
    sections: [
      { heading: "Figures that changed", empty: "No figure changed.", entries: changed },
      { heading: "Figures that appeared", empty: `No figure is new in ${to}.`, entries: appeared },
      { heading: "Figures that disappeared", empty: `Every figure of ${from} still has a value in ${to}.`, entries: disappeared },
      { heading: "Quotes", empty: "No quote was added, removed or changed.", entries: quotes },
      { heading: "The chapter's text", empty: "No paragraph, heading, caption or list item changed.", entries: blocks },
      { heading: `Unresolved checks of ${to}`, empty: `Every check of ${to} passes.`, entries: checks },
    ],
  };
}
