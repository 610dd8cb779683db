import "server-only";
import type { AuditEntryView } from "@/db/queries/audit";
import type { BlockView } from "@/db/queries/blocks";
import type { MetricBreak } from "@/db/queries/breaks";
import type { Metric } from "@/db/queries/catalog";
import type { ValueComment } from "@/db/queries/comments";
import type { ValidationRule } from "@/db/queries/rules";
import type { QuoteView, ReportingYear } from "@/db/queries/years";
import type { AuditEntryBody, BlockBody, MetricBody, QuoteBody, SnapshotBody, TokenBody } from "@/lib/validation/api";

// Pure, so that db/commands/values.ts answers a save with the same body.
export { toValueBody } from "@/lib/api/value-body";

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
  warnMin: m.warnMin,
  warnMax: m.warnMax,
  warnChangePct: m.warnChangePct,
  archived: m.archived,
});

export const toYearBody = (y: ReportingYear) => ({
  year: y.year,
  status: y.status,
  lockedAt: y.lockedAt?.toISOString() ?? null,
  valueCount: y.valueCount,
  returnMessage: y.returnMessage,
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

export const toSnapshotBody = (s: {
  id: number;
  year: number;
  createdAt: Date;
  createdBy: string | null;
  sha256: string;
  reason: string | null;
}): SnapshotBody => ({
  id: s.id,
  year: s.year,
  createdAt: s.createdAt.toISOString(),
  createdBy: s.createdBy,
  sha256: s.sha256,
  reason: s.reason,
});

type TokenRow = { id: number; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null };

/** The same shape for GET /api/v1/me/tokens and the account page. */
export const toTokenBody = (t: TokenRow, now: Date = new Date()): TokenBody => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  expired: t.expiresAt !== null && t.expiresAt.getTime() <= now.getTime(),
});

export const toRuleBody = (r: ValidationRule) => ({
  key: r.key,
  expression: r.expression,
  severity: r.severity,
  message: r.message,
  updatedAt: r.updatedAt.toISOString(),
  updatedBy: r.updatedBy,
});

export const toCommentBody = (c: ValueComment) => ({
  id: c.id,
  year: c.year,
  metricKey: c.metricKey,
  text: c.text,
  author: c.author,
  createdAt: c.createdAt.toISOString(),
  resolvedAt: c.resolvedAt?.toISOString() ?? null,
  resolvedBy: c.resolvedBy,
});

export const toMetricBreakBody = (b: MetricBreak) => ({ year: b.year, note: b.note, createdAt: b.createdAt.toISOString(), createdBy: b.createdBy });

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
