"use server";

import { addMetricBreak, createMetric, updateMetric } from "@/db/commands/metrics";
import { guardedAction } from "@/server/actions/safe-action";
import { createMetricSchema, metricBreakSchema, metricKeySchema, updateMetricActionSchema } from "@/lib/validation/metric";

export const createMetricAction = guardedAction("metrics:manage", createMetricSchema, async (input, { db, actor, ip }) => {
  const metric = await createMetric(db, input, actor, ip);
  return { key: metric.key };
});

export const updateMetricAction = guardedAction("metrics:manage", updateMetricActionSchema, async ({ key, changes }, { db, actor, ip }) => {
  const metric = await updateMetric(db, key, changes, actor, ip);
  return { key: metric.key, archived: metric.archived };
});

export const addMetricBreakAction = guardedAction("metrics:manage", metricBreakSchema.extend({ key: metricKeySchema }), async ({ key, ...input }, { db, actor, ip }) =>
  addMetricBreak(db, key, input, actor, ip),
);
