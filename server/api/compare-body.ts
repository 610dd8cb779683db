import "server-only";
import type { YearComparison } from "@/db/queries/compare";
import type { CompareBody } from "@/lib/validation/api";

/** A comparison → the JSON API's shape (lib/validation/api.ts compareBody). */
export function toCompareBody(c: YearComparison): CompareBody {
  const quote = (q: { id: number; speaker: string; title: string; section: string; text: string }) => ({
    id: q.id,
    speaker: q.speaker,
    title: q.title,
    section: q.section,
    text: q.text,
  });
  return {
    from: c.from,
    to: c.to,
    metrics: c.rows.map((r) => ({
      metricKey: r.metricKey,
      label: r.label,
      section: r.section,
      unit: r.unit,
      direction: r.direction,
      from: r.from,
      to: r.to,
      fromQualifier: r.fromQualifier,
      toQualifier: r.toQualifier,
      delta: r.delta,
      deltaPct: r.deltaPct,
      qualifierChanged: r.qualifierChanged,
      status: r.status,
      break: r.break,
    })),
    quotes: {
      added: c.quotes.added.map(quote),
      removed: c.quotes.removed.map(quote),
      changed: c.quotes.changed.map((q) => ({ speaker: q.speaker, section: q.section, from: quote(q.from), to: quote(q.to), diff: q.diff })),
    },
  };
}
