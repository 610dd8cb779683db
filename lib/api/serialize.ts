import type { AuditEntryView } from "@/db/queries/audit";
import type { BlockView } from "@/db/queries/blocks";
import type { Metric } from "@/db/queries/catalog";
import type { QuoteView, ReportingYear, YearValueRow } from "@/db/queries/years";
import { pickProvenance } from "@/lib/validation/provenance";
import type { AuditEntryBody, BlockBody, MetricBody, QuoteBody, SnapshotBody, ValueBody } from "@/lib/validation/api";

/** Data-layer objects → the API's JSON shapes (lib/validation/api.ts). */
export const toMetricBody = (m: Metric): MetricBody => ({
  key: m.key,
  label: m.label,
  section: m.section,
  unit: m.unit,
  direction: m.direction,
  description: m.description,
  min: m.min,
  max: m.max,
  archived: m.archived,
});

export const toYearBody = (y: ReportingYear) => ({
  year: y.year,
  status: y.status,
  lockedAt: y.lockedAt?.toISOString() ?? null,
  valueCount: y.valueCount,
});

export const toValueBody = (v: YearValueRow): ValueBody => ({
  metricKey: v.metricKey,
  value: v.value,
  qualifier: v.qualifier,
  note: v.note,
  source: v.source,
  ...pickProvenance(v),
  version: v.version,
  updatedAt: v.updatedAt?.toISOString() ?? null,
  updatedBy: v.updatedBy,
});

export const toQuoteBody = (q: QuoteView): QuoteBody => ({
  id: q.id,
  speaker: q.speaker,
  title: q.title,
  section: q.section,
  text: q.text,
  version: q.version,
});

export const toAuditEntryBody = (e: AuditEntryView): AuditEntryBody => ({
  id: e.id,
  at: e.at.toISOString(),
  actorId: e.actorId,
  actorName: e.actorName,
  actorEmail: e.actorEmail,
  action: e.action,
  year: e.year,
  metricKey: e.metricKey,
  detail: e.detail,
});

export const toSnapshotBody = (s: { id: number; year: number; createdAt: Date; createdBy: string | null; sha256: string; reason: string | null }): SnapshotBody => ({
  id: s.id,
  year: s.year,
  createdAt: s.createdAt.toISOString(),
  createdBy: s.createdBy,
  sha256: s.sha256,
  reason: s.reason,
});

export const toBlockBody = (b: BlockView): BlockBody => ({
  id: b.id,
  year: b.year,
  kind: b.kind,
  section: b.section,
  position: b.position,
  text: b.text,
  attributes: b.attributes,
  version: b.version,
  rendered: b.rendered,
  numbers: b.numbers,
  updatedAt: b.updatedAt.toISOString(),
});
