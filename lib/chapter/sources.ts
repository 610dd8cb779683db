import type { Provenance } from "@/lib/validation/provenance";

/**
 * One numbered source of the fact sheet: the free-text source, then the structured provenance
 * where the free text does not already say it, then the source's own supporting words.
 */
export function describeSource(v: { source: string | null } & Partial<Provenance>): string | null {
  const source = v.source ?? "";
  const extra = [v.sourceProducer, v.sourceTitle, v.sourceUrl].filter((part): part is string => Boolean(part) && !source.includes(part!));
  const dates = [v.sourcePublished ? `published ${v.sourcePublished}` : null, v.sourceAccessed ? `accessed ${v.sourceAccessed}` : null].filter(Boolean);
  const phrase = v.sourcePhrase && !source.includes(v.sourcePhrase) ? `“${v.sourcePhrase}”` : null;
  const parts = [source, extra.join(", "), dates.join(", "), phrase].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(". ") : null;
}
