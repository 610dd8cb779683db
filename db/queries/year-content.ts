import "server-only";
import type { ContentValue } from "@/lib/snapshot/content";
import { pickProvenance } from "@/lib/validation/provenance";
import type { Executor } from "../client";
import { readTogether } from "../read-together";
import { listYearBlocks } from "./blocks";
import { listYearQuotes, listYearValues, type YearValueRow } from "./years";

const SNAPSHOT_FORMAT = "report-desk/year@1" as const;

/**
 * A year's figures and quotes as data only: no versions, timestamps or ids, so two reads of
 * unchanged data are identical. Snapshots hash this; the JSON export writes it.
 */
export async function readYearContent(db: Executor, year: number) {
  const [values, quotes, blocks] = await readTogether(db, [() => listYearValues(db, year), () => listYearQuotes(db, year), () => listYearBlocks(db, year)]);
  return {
    format: SNAPSHOT_FORMAT,
    year,
    values: values.map(toContentValue).sort((a, b) => (a.metricKey < b.metricKey ? -1 : a.metricKey > b.metricKey ? 1 : 0)),
    quotes: quotes
      .map((q) => ({ speaker: q.speaker, title: q.title, section: q.section, text: q.text }))
      .sort((a, b) => compareStrings(a.section, b.section) || compareStrings(a.speaker, b.speaker) || compareStrings(a.text, b.text)),
    // Chapter order (section order, then position) is the blocks' meaning, so it is kept as read.
    blocks: blocks.map((b) => ({ kind: b.kind, section: b.section, position: b.position, text: b.text, attributes: b.attributes, rendered: b.rendered })),
  };
}

export type YearContent = Awaited<ReturnType<typeof readYearContent>>;

/** A year's row as a snapshot freezes it: exactly these fields, since the snapshot's hash is over them. */
function toContentValue(v: YearValueRow): ContentValue {
  return {
    metricKey: v.metricKey,
    section: v.section,
    label: v.label,
    unit: v.unit,
    value: v.value,
    qualifier: v.qualifier,
    note: v.note,
    source: v.source,
    ...pickProvenance(v),
  };
}

// Code-point order, not locale order: the same on every machine.
const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
