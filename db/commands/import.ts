import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/guard";
import type { ImportRow, RowError } from "@/lib/csv/values-csv";
import type { Qualifier, Unit } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { valueSaveSchema } from "@/lib/validation/value";
import { metricValues, metrics, valueRevisions } from "../schema";
import type { Database, Executor } from "../client";
import { recordAudit } from "./audit";
import { assertYearOpen } from "./year-guard";

export type ImportFields = { value: number | null; qualifier: Qualifier; note: string | null; source: string | null };

export type ImportChange = {
  row: number;
  metricKey: string;
  label: string;
  unit: Unit;
  /** null when the year had no row for the metric yet. */
  from: ImportFields | null;
  to: ImportFields;
};

export type ImportResult = { imported: number; unchanged: number; dryRun: boolean; changes: ImportChange[] };

type Options = { dryRun: boolean; filename: string; ip?: string | null };

// Well under PostgreSQL's 65,535 bind parameters for the widest statement (12 per revision).
const BATCH = 1_000;

type MetricInfo = { id: number; key: string; label: string; unit: Unit; min: number | null; max: number | null; archived: boolean };

/**
 * Replaces a year's values with the rows of a parsed file, all or nothing, in one transaction.
 *
 * Every row is checked in memory first (the metric exists, the value passes that metric's own
 * rules), and any error refuses the whole file with every row error. Then changed rows are
 * written in batches: one multi-row upsert per batch, one multi-row insert of revisions, one
 * audit entry. An import is a deliberate bulk replace, so versions are not compared, but each
 * write bumps the version so editors holding an older one get a conflict. Rows whose value,
 * qualifier, note and source are all unchanged are skipped and get no revision.
 */
export async function importValues(db: Database, year: number, rows: ImportRow[], actor: Actor, opts: Options): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    await assertYearOpen(tx, year);
    const byKey = new Map<string, MetricInfo>(
      (
        await tx
          .select({ id: metrics.id, key: metrics.key, label: metrics.label, unit: metrics.unit, min: metrics.min, max: metrics.max, archived: metrics.archived })
          .from(metrics)
      ).map((m) => [m.key, m]),
    );
    const currentQuery = tx
      .select({ id: metricValues.id, metricId: metricValues.metricId, value: metricValues.value, qualifier: metricValues.qualifier, note: metricValues.note, source: metricValues.source })
      .from(metricValues)
      .where(eq(metricValues.year, year));
    // Applying locks the year's rows so a save in flight cannot slip between the comparison and the write.
    const current = new Map((await (opts.dryRun ? currentQuery : currentQuery.for("update"))).map((r) => [r.metricId, r]));

    const errors: RowError[] = [];
    const changes: ImportChange[] = [];
    const metricOfChange: MetricInfo[] = [];
    for (const row of rows) {
      const metric = byKey.get(row.metricKey);
      if (!metric) {
        errors.push({ row: row.row, column: "metric_key", message: `there is no metric with the key “${row.metricKey}”` });
        continue;
      }
      const existing = current.get(metric.id);
      if (metric.archived && !existing) {
        errors.push({ row: row.row, column: "metric_key", message: `the metric “${row.metricKey}” is archived: it takes no values in new years` });
        continue;
      }
      const checked = valueSaveSchema({ unit: metric.unit, min: metric.min, max: metric.max }).safeParse({
        value: row.value,
        qualifier: row.qualifier,
        note: row.note,
        source: row.source,
      });
      if (!checked.success) {
        const seen = new Set<string>();
        for (const issue of checked.error.issues) {
          const column = String(issue.path[0] ?? "");
          if (seen.has(column)) continue;
          seen.add(column);
          errors.push({ row: row.row, column, message: issue.message });
        }
        continue;
      }
      // The file's text is kept as written (the parser already made blank cells null) so that
      // exporting a year and importing the file elsewhere reproduces it exactly.
      const to: ImportFields = {
        value: checked.data.value,
        qualifier: checked.data.value === null ? null : row.qualifier,
        note: row.note,
        source: row.source,
      };
      const from: ImportFields | null = existing
        ? { value: existing.value, qualifier: existing.qualifier, note: existing.note, source: existing.source }
        : null;
      if (sameFields(from ?? EMPTY, to)) continue;
      changes.push({ row: row.row, metricKey: metric.key, label: metric.label, unit: metric.unit, from, to });
      metricOfChange.push(metric);
    }
    if (errors.length > 0) {
      errors.sort((a, b) => a.row - b.row);
      throw new AppError(
        "validation",
        `${errors.length === 1 ? "1 problem" : `${errors.length.toLocaleString("en-US")} problems`} in the file: nothing was imported`,
        undefined,
        { rows: errors },
      );
    }
    const unchanged = rows.length - changes.length;
    if (opts.dryRun) return { imported: 0, unchanged, dryRun: true, changes };

    const reason = `import: ${opts.filename}`;
    const now = new Date();
    for (let i = 0; i < changes.length; i += BATCH) {
      const batch = changes.slice(i, i + BATCH);
      const metricsOfBatch = metricOfChange.slice(i, i + BATCH);
      await writeBatch(tx, year, batch, metricsOfBatch, actor, now, reason);
    }
    if (changes.length > 0) {
      await recordAudit(tx, {
        action: "import_applied",
        actorId: actor.id,
        actorEmail: actor.email,
        year,
        ip: opts.ip,
        detail: { filename: opts.filename, rows: rows.length, changed: changes.length, unchanged },
      });
    }
    return { imported: changes.length, unchanged, dryRun: false, changes };
  });
}

const EMPTY: ImportFields = { value: null, qualifier: null, note: null, source: null };

function sameFields(a: ImportFields, b: ImportFields): boolean {
  return a.value === b.value && a.qualifier === b.qualifier && a.note === b.note && a.source === b.source;
}

async function writeBatch(tx: Executor, year: number, batch: ImportChange[], batchMetrics: MetricInfo[], actor: Actor, now: Date, reason: string) {
  const written = await tx
    .insert(metricValues)
    .values(
      batch.map((c, i) => ({
        metricId: batchMetrics[i]!.id,
        year,
        ...c.to,
        version: 1,
        updatedBy: actor.id,
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [metricValues.metricId, metricValues.year],
      set: {
        value: sql`excluded.value`,
        qualifier: sql`excluded.qualifier`,
        note: sql`excluded.note`,
        source: sql`excluded.source`,
        updatedBy: sql`excluded.updated_by`,
        updatedAt: sql`excluded.updated_at`,
        version: sql`${metricValues.version} + 1`,
      },
    })
    .returning();
  await tx.insert(valueRevisions).values(
    written.map((row) => ({
      valueId: row.id,
      metricId: row.metricId,
      year,
      value: row.value,
      qualifier: row.qualifier,
      note: row.note,
      source: row.source,
      version: row.version,
      changedBy: actor.id,
      changedAt: row.updatedAt,
      reason,
    })),
  );
}
