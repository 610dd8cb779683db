import { listValueHistory, readEveryRevision } from "@/db/queries/history";
import { streamedJson } from "@/lib/api/json-stream";
import { apiRoute } from "@/server/api/route";
import { notFound } from "@/lib/errors";
import { historyQuery } from "@/lib/validation/history";
import { yearMetricParams } from "@/lib/validation/params";

/**
 * Without `limit` or `before`, every revision (the contract), read and sent a page at a time;
 * with them, one page and the `nextBefore` of the next.
 */
export const GET = apiRoute({ permission: "read", params: yearMetricParams, query: historyQuery }, async ({ db, params, query }) => {
  const missing = () => notFound(`A value of “${params.metricKey}” in ${params.year}`);
  const head = { year: params.year, metricKey: params.metricKey };
  if (query.limit === undefined && query.before === undefined) {
    const pages = await readEveryRevision(db, params.year, params.metricKey);
    if (!pages) throw missing();
    return streamedJson(head, "revisions", pages, { nextBefore: null }, { headers: { "Cache-Control": "no-store" } });
  }
  const page = await listValueHistory(db, params.year, params.metricKey, query);
  if (!page) throw missing();
  return { ...head, ...page };
});
