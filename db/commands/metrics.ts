import "server-only";
import { eq, max, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { CreateMetricInput, MetricBreakInput, UpdateMetricInput } from "@/lib/validation/metric";
import { metricBreaks, metrics, sections } from "../schema";
import type { Database, Executor } from "../client";
import { listBreaksOfMetric, type MetricBreak } from "../queries/breaks";
import { findMetric, listMetricValueYears, type Metric } from "../queries/catalog";
import { recordAudit } from "./audit";

async function assertSection(tx: Executor, key: string) {
  const [row] = await tx.select({ key: sections.key }).from(sections).where(eq(sections.key, key));
  if (!row) throw new AppError("validation", `There is no section “${key}”`, { section: "Choose one of the report's sections" });
}

/** After the last metric of the section, so a new metric appears at its end. */
async function nextSortOrder(tx: Executor, section: string) {
  const [row] = await tx
    .select({ last: max(metrics.sortOrder) })
    .from(metrics)
    .where(eq(metrics.sectionKey, section));
  return (row?.last ?? 0) + 1;
}

export async function createMetric(db: Database, input: CreateMetricInput, actor: Actor, ip?: string | null): Promise<Metric> {
  return db.transaction(async (tx) => {
    await assertSection(tx, input.section);
    const [row] = await tx
      .insert(metrics)
      .values({
        key: input.key,
        label: input.label,
        sectionKey: input.section,
        unit: input.unit,
        direction: input.direction,
        description: input.description ?? null,
        min: input.min ?? null,
        max: input.max ?? null,
        warnMin: input.warnMin ?? null,
        warnMax: input.warnMax ?? null,
        warnChangePct: input.warnChangePct ?? null,
        sortOrder: await nextSortOrder(tx, input.section),
      })
      .onConflictDoNothing({ target: metrics.key })
      .returning({ key: metrics.key });
    if (!row) throw new AppError("conflict", `A metric with the key “${input.key}” already exists`, { key: "This key is already in use" });
    await recordAudit(tx, {
      action: "metric_created",
      actorId: actor.id,
      actorEmail: actor.email,
      metricKey: input.key,
      detail: { label: input.label, section: input.section, unit: input.unit, direction: input.direction },
      ip,
    });
    return (await findMetric(tx, row.key))!;
  });
}

const EDITABLE = ["label", "section", "unit", "direction", "description", "min", "max", "warnMin", "warnMax", "warnChangePct", "archived"] as const;

/**
 * Changes a metric's definition (or archives it). The key never changes: values, imports,
 * exports and scripts refer to it. The unit may change only while no year holds a value,
 * since "43" percent would otherwise become "43" km.
 */
export async function updateMetric(db: Database, key: string, changes: UpdateMetricInput, actor: Actor, ip?: string | null): Promise<Metric> {
  return db.transaction(async (tx) => {
    if (changes.key !== undefined && changes.key !== key) {
      throw new AppError("validation", "A metric's key cannot change once created", { key: "The key is fixed; create a new metric for a new key" });
    }
    const [current] = await tx.select().from(metrics).where(eq(metrics.key, key)).for("update");
    if (!current) throw new AppError("not_found", `There is no metric with the key “${key}”`);
    const before: Record<(typeof EDITABLE)[number], unknown> = {
      label: current.label,
      section: current.sectionKey,
      unit: current.unit,
      direction: current.direction,
      description: current.description,
      min: current.min,
      max: current.max,
      warnMin: current.warnMin,
      warnMax: current.warnMax,
      warnChangePct: current.warnChangePct,
      archived: current.archived,
    };
    const after = { ...before };
    for (const field of EDITABLE) if (changes[field] !== undefined) after[field] = changes[field];
    const diff = Object.fromEntries(EDITABLE.filter((f) => after[f] !== before[f]).map((f) => [f, { from: before[f], to: after[f] }]));
    if (Object.keys(diff).length === 0) return (await findMetric(tx, key))!;

    if (diff.unit) {
      const years = (await listMetricValueYears(tx, key)).get(key) ?? [];
      if (years.length > 0) {
        throw new AppError(
          "validation",
          `The unit of “${key}” cannot change: it has values in ${years.join(", ")}, which would then be read in the new unit. Archive it and create a new metric instead.`,
          { unit: `Fixed: values exist in ${years.join(", ")}` },
        );
      }
    }
    const min = after.min as number | null;
    const max = after.max as number | null;
    if (min !== null && max !== null && min > max) {
      throw new AppError("validation", "The maximum must be at least the minimum", { max: "Maximum must be at least the minimum" });
    }
    const warnMin = after.warnMin as number | null;
    const warnMax = after.warnMax as number | null;
    if (warnMin !== null && warnMax !== null && warnMin > warnMax) {
      throw new AppError("validation", "The soft maximum (warn above) must be at least the soft minimum (warn below)", {
        warnMax: "Warn above must be at least warn below",
      });
    }
    if (diff.section) await assertSection(tx, after.section as string);

    await tx
      .update(metrics)
      .set({
        label: after.label as string,
        sectionKey: after.section as string,
        unit: after.unit as Metric["unit"],
        direction: after.direction as Metric["direction"],
        description: after.description as string | null,
        min,
        max,
        warnMin,
        warnMax,
        warnChangePct: after.warnChangePct as number | null,
        archived: after.archived as boolean,
        ...(diff.section ? { sortOrder: await nextSortOrder(tx, after.section as string) } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(metrics.id, current.id));
    await recordAudit(tx, { action: "metric_updated", actorId: actor.id, actorEmail: actor.email, metricKey: key, detail: { changes: diff }, ip });
    return (await findMetric(tx, key))!;
  });
}

/** Records that the metric's definition changed from `year` on; one break per metric and year. */
export async function addMetricBreak(db: Database, key: string, input: MetricBreakInput, actor: Actor, ip?: string | null): Promise<MetricBreak> {
  return db.transaction(async (tx) => {
    const [metric] = await tx.select({ id: metrics.id }).from(metrics).where(eq(metrics.key, key));
    if (!metric) throw new AppError("not_found", `There is no metric with the key “${key}”`);
    const [row] = await tx
      .insert(metricBreaks)
      .values({ metricId: metric.id, year: input.year, note: input.note, createdBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: metricBreaks.id });
    if (!row) throw new AppError("conflict", `“${key}” already has a series break in ${input.year}`, { year: "A break is already recorded for this year" });
    await recordAudit(tx, {
      action: "metric_break_added",
      actorId: actor.id,
      actorEmail: actor.email,
      metricKey: key,
      year: input.year,
      detail: { note: input.note },
      ip,
    });
    return (await listBreaksOfMetric(tx, key)).find((b) => b.year === input.year)!;
  });
}
