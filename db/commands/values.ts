import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { toValueBody } from "@/lib/api/value-body";
import type { ValueBody } from "@/lib/validation/api";
import { PROVENANCE_FIELDS } from "@/lib/validation/provenance";
import { valueSaveSchema, zodFieldErrors } from "@/lib/validation/value";
import { valueBatchItems, type ValueBatchItem, type ValueRowError } from "@/lib/validation/value-batch";
import type { Unit } from "@/lib/domain";
import { metrics, reportingYears, type MetricValueRow } from "../schema";
import type { Database, Executor } from "../client";
import { assertYearOpen, yearLocked, yearMissing } from "./year-guard";
import { rowsOf } from "../rows";

type SaveOptions = { ip?: string | null; audit?: boolean };

/**
 * Saves one value of one year. The input is parsed here with the metric's own schema (the one
 * the form uses); `version` is what the writer last read, and a stale one is refused with 409
 * and the current row; without one the save lands on whatever is there (last write wins).
 * The change, its revision and its audit row are one statement (report_desk_save_value), and so
 * one transaction of PostgreSQL's own: no BEGIN and COMMIT round trips (decision 036).
 */
export async function saveValue(db: Database, year: number, metricKey: string, raw: unknown, actor: Actor, opts: SaveOptions = {}) {
  // The metric's rules are read first, so that concurrent writers wait on each other for one
  // statement, not for our parsing; the write compares them again (drizzle/0006).
  const rules = await readRules(db, year, metricKey);
  return writeValue(db, year, metricKey, raw, rules, actor, opts);
}

/** The same inside a transaction the caller holds (the lock tests keep one open mid-save). */
export async function saveValueIn(tx: Executor, year: number, metricKey: string, raw: unknown, actor: Actor, opts: SaveOptions = {}): Promise<ValueBody> {
  return writeValue(tx, year, metricKey, raw, await readRules(tx, year, metricKey), actor, opts);
}

type Rules = { yearStatus: string | null; metric: { unit: Unit; min: number | null; max: number | null } | null };

/** The year's status and the metric's unit and bounds, in one statement; either may be missing. */
async function readRules(ex: Executor, year: number, metricKey: string): Promise<Rules> {
  const [row] = rowsOf<{ year_status: string | null; unit: Unit | null; min: number | null; max: number | null }>(
    await ex.execute(sql`
      select (select status from ${reportingYears} where year = ${year}::integer) as year_status, m.unit, m.min, m.max
      from (select 1) as one left join ${metrics} m on m.key = ${metricKey}`),
  );
  return { yearStatus: row?.year_status ?? null, metric: row?.unit ? { unit: row.unit, min: row.min, max: row.max } : null };
}

type SaveResult =
  | { status: "year_missing" | "year_locked" | "metric_missing" | "metric_changed" | "archived" }
  | { status: "conflict"; current: Record<string, unknown> | null; updated_by_name?: string | null }
  | { status: "saved"; row: Record<string, unknown> };

/**
 * One round trip, alone or inside the caller's transaction (a batch): report_desk_save_value (drizzle/0006) checks the year
 * and the version, writes the value, its revision and its audit row, and answers with a status
 * from which the same errors as ever are built here. A metric whose unit or bounds changed since
 * `rules` were read is read again and the input parsed again, so nothing is stored that its
 * current rules refuse.
 */
async function writeValue(ex: Executor, year: number, metricKey: string, raw: unknown, rules: Rules, actor: Actor, opts: SaveOptions): Promise<ValueBody> {
  for (let attempt = 1; ; attempt++) {
    // The order of the refusals is that of the checks before them: year, metric, then input.
    if (!rules.yearStatus) throw yearMissing(year);
    if (rules.yearStatus === "locked") throw yearLocked(year);
    if (!rules.metric) throw metricMissing(metricKey);
    const { unit, min, max } = rules.metric;
    const input = valueSaveSchema({ unit, min, max }).parse(raw);
    // Omitted fields keep what is there and null clears them: only the keys sent travel.
    const fields = Object.fromEntries(
      (["qualifier", "note", "source", ...PROVENANCE_FIELDS] as const).filter((f) => input[f] !== undefined).map((f) => [f, input[f]]),
    );
    const [answer] = rowsOf<{ result: SaveResult }>(
      await ex.execute(sql`select report_desk_save_value(
        ${year}::integer, ${metricKey}::text, ${unit}::text, ${min}::double precision, ${max}::double precision,
        ${input.version ?? null}::integer, ${input.value}::double precision, ${JSON.stringify(fields)}::jsonb,
        ${actor.id}::integer, ${actor.email}::text, ${new Date().toISOString()}::timestamptz, ${input.reason ?? null}::text,
        ${opts.audit !== false}::boolean, ${opts.ip ?? null}::text
      ) as result`),
    );
    const result = answer!.result;
    switch (result.status) {
      case "saved":
        return toValueBody({ ...rowFromJson(result.row), metricKey, updatedBy: actor.name });
      case "conflict": {
        const current = result.current ? toValueBody({ ...rowFromJson(result.current), metricKey, updatedBy: result.updated_by_name ?? null }) : null;
        throw conflict(metricKey, current);
      }
      case "archived":
        throw new AppError("validation", `The metric “${metricKey}” is archived: it takes no values in new years`, { metricKey: "This metric is archived" });
      case "year_missing":
        throw yearMissing(year);
      case "year_locked":
        throw yearLocked(year);
      case "metric_missing":
        throw metricMissing(metricKey);
      case "metric_changed":
        // Only an admin editing this metric during the save gets here; a third time is not a race worth winning.
        if (attempt >= 3) throw new AppError("conflict", `The metric “${metricKey}” changed while saving: try again`);
        rules = await readRules(ex, year, metricKey);
    }
  }
}

const metricMissing = (metricKey: string) => new AppError("not_found", `There is no metric with the key “${metricKey}”`);

/** The rows of a raw statement, which the two drivers' result types do not share. */
/** A metric_values row as to_jsonb writes it: column names, timestamps as text. */
function rowFromJson(j: Record<string, unknown>): MetricValueRow {
  const row = Object.fromEntries(Object.entries(j).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));
  return { ...row, updatedAt: new Date(row.updatedAt as string) } as MetricValueRow;
}

/**
 * Saves several values of one year in one transaction, all or nothing. Each row goes through
 * saveValueIn, so its rules, version check, revision and audit row are those of a single save.
 * Every row is tried, each in its own savepoint so that a refused one leaves the transaction
 * usable, and if any is refused the whole batch rolls back with an error per refused row
 * (`rows`): 422 when any is invalid or names no metric, else 409 when only versions are stale.
 */
export async function saveValues(db: Database, year: number, items: readonly ValueBatchItem[], actor: Actor, opts: SaveOptions = {}): Promise<ValueBody[]> {
  // The transports parse the same schema; parsing again keeps the limits for any other caller.
  const list = valueBatchItems.parse(items);
  return db.transaction(async (tx) => {
    // Once for the batch, so a locked or missing year is one 423/404 rather than one per row.
    await assertYearOpen(tx, year);
    const duplicates = duplicateRows(list);
    if (duplicates.length) {
      const keys = [...new Set(duplicates.map((r) => `“${r.metricKey}”`))].join(", ");
      throw new AppError("validation", `Each metric may appear once in a batch: ${keys} appear more than once`, undefined, { rows: duplicates });
    }
    const saved: ValueBody[] = [];
    const refused: ValueRowError[] = [];
    for (const [index, item] of list.entries()) {
      try {
        saved.push(await tx.transaction((row) => saveValueIn(row, year, item.metricKey, item, actor, opts)));
      } catch (error) {
        const problem = rowProblem(error);
        // Anything else (the database failing, a bug) is not about the row: the batch fails as a whole.
        if (!problem) throw error;
        refused.push({ index, metricKey: item.metricKey, ...problem });
      }
    }
    if (refused.length) {
      const invalid = refused.some((r) => r.code !== "conflict");
      const counted = `${refused.length} of ${list.length} ${list.length === 1 ? "row" : "rows"}`;
      throw new AppError(
        invalid ? "validation" : "conflict",
        invalid
          ? `${counted} cannot be saved: nothing was saved`
          : `${counted} changed since you loaded them: nothing was saved; review their values before overwriting them`,
        undefined,
        { rows: refused },
      );
    }
    return saved;
  });
}

function duplicateRows(list: readonly ValueBatchItem[]): ValueRowError[] {
  const seen = new Map<string, number>();
  for (const item of list) seen.set(item.metricKey, (seen.get(item.metricKey) ?? 0) + 1);
  return list.flatMap((item, index) => {
    const times = seen.get(item.metricKey)!;
    return times > 1
      ? [{ index, metricKey: item.metricKey, code: "validation" as const, message: `“${item.metricKey}” appears ${times} times in this batch: send it once` }]
      : [];
  });
}

/** A single save's refusal as a row error, or null when the failure is not the row's. */
function rowProblem(error: unknown): Omit<ValueRowError, "index" | "metricKey"> | null {
  if (error instanceof z.ZodError) {
    const fields = zodFieldErrors(error);
    return { code: "validation", message: Object.values(fields).join("; "), fields };
  }
  if (!(error instanceof AppError)) return null;
  switch (error.code) {
    case "validation":
      return { code: "validation", message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
    case "not_found":
      return { code: "not_found", message: error.message };
    case "conflict":
      return { code: "conflict", message: error.message, current: (error.extra?.current as ValueBody | null | undefined) ?? null };
    default:
      return null;
  }
}

/** 409 carrying the row as it is now, so the writer can see who changed what. */
function conflict(metricKey: string, current: ValueBody | null) {
  return new AppError(
    "conflict",
    `Someone else saved “${metricKey}” since you loaded it${current?.updatedBy ? ` (${current.updatedBy})` : ""}: review their value before overwriting it`,
    undefined,
    { current },
  );
}
