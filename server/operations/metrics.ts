import "server-only";
import { z } from "zod";
import { addMetricBreak, createMetric, updateMetric } from "@/db/commands/metrics";
import { listBreaksOfMetric } from "@/db/queries/breaks";
import { findMetric, listMetrics } from "@/db/queries/catalog";
import { notFound } from "@/lib/errors";
import { metricBody, metricBreakBody, metricDetailBody } from "@/lib/validation/api";
import { createMetricSchema, metricBreakSchema, updateMetricSchema } from "@/lib/validation/metric";
import { metricKeyParams } from "@/lib/validation/params";
import { toMetricBody, toMetricBreakBody } from "@/server/api/serialize";
import { defineOperation } from "@/server/operation";

/** The catalogue of figures a year holds, and the breaks in their series. */
export const metrics = {
  list: defineOperation({
    method: "GET",
    path: "/api/v1/metrics",
    summary: "Metric definitions",
    permission: "read",
    response: z.object({ metrics: z.array(metricBody) }),
    handler: async ({ db }) => ({ metrics: (await listMetrics(db)).map(toMetricBody) }),
  }),

  create: defineOperation({
    method: "POST",
    path: "/api/v1/metrics",
    summary: "Create a metric definition (placed after the last of its section)",
    permission: "metrics:manage",
    body: createMetricSchema,
    response: metricBody,
    successStatus: 201,
    errors: [409, 422],
    handler: async ({ db, body, actor, ip }) => toMetricBody(await createMetric(db, body, actor, ip)),
  }),

  get: defineOperation({
    method: "GET",
    path: "/api/v1/metrics/{key}",
    summary: "One metric definition with its series `breaks`",
    permission: "read",
    params: metricKeyParams,
    response: metricDetailBody,
    errors: [404],
    handler: async ({ db, params }) => {
      const [metric, breaks] = await Promise.all([findMetric(db, params.key), listBreaksOfMetric(db, params.key)]);
      if (!metric) throw notFound(`The metric “${params.key}”`);
      return { ...toMetricBody(metric), breaks: breaks.map(toMetricBreakBody) };
    },
  }),

  update: defineOperation({
    method: "PUT",
    path: "/api/v1/metrics/{key}",
    summary:
      "Change a metric definition or archive it (`archived`); omitted fields keep their value. The key never changes, and the unit only while no year holds a value (else 422 with `fields.unit`).",
    permission: "metrics:manage",
    params: metricKeyParams,
    body: updateMetricSchema,
    response: metricBody,
    errors: [404, 422],
    handler: async ({ db, params, body, actor, ip }) => toMetricBody(await updateMetric(db, params.key, body, actor, ip)),
  }),

  addBreak: defineOperation({
    method: "POST",
    path: "/api/v1/metrics/{key}/breaks",
    summary: "Record that the metric's definition changed from `year` on, with a note; comparisons across it show the note instead of good or bad news",
    permission: "metrics:manage",
    params: metricKeyParams,
    body: metricBreakSchema,
    response: metricBreakBody,
    successStatus: 201,
    errors: [404, 409, 422],
    handler: async ({ db, params, body, actor, ip }) => toMetricBreakBody(await addMetricBreak(db, params.key, body, actor, ip)),
  }),
};
