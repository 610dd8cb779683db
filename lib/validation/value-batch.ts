/**
 * Several values of one year saved at once (the entry grid, PUT /years/{year}/values). Only the
 * list's shape is checked here: each item's own fields are parsed by saveValueIn with its
 * metric's rules, exactly as a single save, so a bad cell becomes an error on its row rather
 * than a refusal of the whole body's shape.
 */
import { z } from "zod";
import type { ValueBody } from "./api";

export const MAX_BATCH_VALUES = 500;

/** `metricKey` plus the fields of a single save (value, qualifier, note, source, version, …). */
const valueBatchItem = z.looseObject({
  // Any text: a key that names no metric is a `not_found` row, marked like any other bad row.
  metricKey: z.string({ error: "Metric key must be text" }).max(200, "Metric key must be at most 200 characters"),
});

export const valueBatchItems = z
  .array(valueBatchItem, { error: "Values must be a list" })
  .min(1, "Send at least one value")
  .max(MAX_BATCH_VALUES, `Send at most ${MAX_BATCH_VALUES} values at once`);

/** The body of PUT /years/{year}/values, and of the year page's batch action with its year. */
export const valueBatchSchema = z.object({ values: valueBatchItems });

export type ValueBatchItem = z.output<typeof valueBatchItem>;

/**
 * Why one row of a refused batch was refused. `index` is its place in the list sent; `current`
 * is the row as it is now when another writer got there first (a single save's 409 `current`).
 */
export type ValueRowError = {
  index: number;
  metricKey: string;
  code: "validation" | "conflict" | "not_found";
  message: string;
  fields?: Record<string, string>;
  current?: ValueBody | null;
};
