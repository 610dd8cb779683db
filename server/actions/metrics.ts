"use server";

import { action } from "@/server/actions/safe-action";
import { metrics } from "@/server/operations/metrics";

export const createMetricAction = action(metrics.create);
export const updateMetricAction = action(metrics.update);
export const addMetricBreakAction = action(metrics.addBreak);
