import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { ImportRow, RowError } from "@/lib/import/values-table";
import type { Unit } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import type { ImportChangeBody } from "@/lib/validation/api";
import { valueSaveSchema } from "@/lib/validation/value";
import { metricValues, metrics, valueRevisions } from "../schema";
import type { Database, Executor } from "../client";
import { recordAudit } from "./audit";
import { assertYearOpen } from "./year-guard";

/** `from` is null when the year had no row for the metric yet. */
type ImportChange = ImportChangeBody;
type ImportFields = ImportChange["to"];

export type ImportResult = { imported: number; unchanged: number; dryRun: boolean; changes: ImportChange[] };

type Options = {
  dryRun: boolean;
  filename: string;
  ip?: string | null;
  /** Problems the file's reader already found: reported together with these checks, and nothing is written. */
  parseErrors?: RowError[];
};

// Rows per statement: bounds the size of one statement, not the number of bind parameters.
const BATCH = 2_500;

type MetricInfo = { id: number; key: string; label: string; unit: Unit; min: number | null; max: number | null; archived: boolean };

/**
 * Replaces a year's values with the rows of a parsed file, all or nothing, in one transaction.
 *
 * Every row is checked in memory first (the metric exists; value, qualifier, note and source pass
 * the value schema with that metric's own rules), and any error refuses the whole file with every
 * row error. Then changed rows are written in batches: one multi-row upsert per batch, one
 * multi-row insert of revisions, one audit entry. An import is a deliberate bulk replace, so versions are not compared, but each
 * write bumps the version so editors holding an older one get a conflict. Rows whose value,
 * qualifier, note and source are all unchanged are skipped and get no revision.
 */
export async function importValues(db: Database, year: number, rows: ImportRow[], actor: Actor, opts: Options): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    await assertYearOpen(tx, year);
    const byKey = new Map<string, MetricInfo>(
      (
        await tx
          .select({
            id: metrics.id,
            key: metrics.key,
            label: metrics.label,
            unit: metrics.unit,
            min: metrics.min,
            max: metrics.max,
            archived: metrics.archived,
          })
          .from(metrics)
      ).map((m) => [m.key, m]),
    );
    const currentQuery = tx
      .select({
        id: metricValues.id,
        metricId: metricValues.metricId,
        value: metricValues.value,
        qualifier: metricValues.qualifier,
        note: metricValues.note,
        source: metricValues.source,
      })
      .from(metricValues)
      .where(eq(metricValues.year, year));
    // Applying locks the year's rows so a save in flight cannot slip between the comparison and the write.
    const current = new Map((await (opts.dryRun ? currentQuery : currentQuery.for("update"))).map((r) => [r.metricId, r]));

    // Building a zod schema costs far more than using one: one per distinct rule set, not per row.
    const schemas = new Map<string, ReturnType<typeof valueSaveSchema>>();
    const schemaFor = (m: MetricInfo) => {
      const id = `${m.unit}|${m.min}|${m.max}`;
      let schema = schemas.get(id);
      if (!schema) schemas.set(id, (schema = valueSaveSchema({ unit: m.unit, min: m.min, max: m.max })));
      return schema;
    };
    const errors: RowError[] = [...(opts.parseErrors ?? [])];
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
      // The cells as written, judged here once with the value schema: the messages of any other save.
      const checked = schemaFor(metric).safeParse({
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
      // The file's text is kept as written (the reader already made blank cells null) so that
      // exporting a year and importing the file elsewhere reproduces it exactly.
      const to: ImportFields = {
        value: checked.data.value,
        qualifier: checked.data.value === null ? null : (checked.data.qualifier ?? null),
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
      // Stable: a row's own errors keep the order of its columns.
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

/**
 * One statement per batch: the rows travel as one JSON parameter (a handful of bind
 * parameters instead of thousands, which both engines parse far faster), are upserted, and
 * each written row's revision is inserted from the upsert's RETURNING.
 */
async function writeBatch(tx: Executor, year: number, batch: ImportChange[], batchMetrics: MetricInfo[], actor: Actor, now: Date, reason: string) {
  const input = JSON.stringify(batch.map((c, i) => ({ metric_id: batchMetrics[i]!.id, ...c.to })));
  await tx.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${input}::jsonb) as x(metric_id integer, value double precision, qualifier text, note text, source text)
    ), written as (
      insert into ${metricValues} (metric_id, year, value, qualifier, note, source, version, updated_by, updated_at)
      select metric_id, ${year}::integer, value, qualifier, note, source, 1, ${actor.id}::integer, ${now.toISOString()}::timestamptz from input
      on conflict (metric_id, year) do update set
        value = excluded.value, qualifier = excluded.qualifier, note = excluded.note, source = excluded.source,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at, version = ${metricValues}.version + 1
      returning id, metric_id, value, qualifier, note, source, version, updated_at
    )
    insert into ${valueRevisions} (value_id, metric_id, year, value, qualifier, note, source, version, changed_by, changed_at, reason)
    select id, metric_id, ${year}::integer, value, qualifier, note, source, version, ${actor.id}::integer, updated_at, ${reason} from written
  `);
}
