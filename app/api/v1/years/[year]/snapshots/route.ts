import { createSnapshot } from "@/db/commands/snapshots";
import { listSnapshots } from "@/db/queries/snapshots";
import { findYear } from "@/db/queries/years";
import { apiRoute } from "@/server/api/route";
import { toSnapshotBody } from "@/server/api/serialize";
import { notFound } from "@/lib/errors";
import { yearParams } from "@/lib/validation/params";
import { createSnapshotSchema, snapshotListQuery } from "@/lib/validation/snapshot";

export const GET = apiRoute({ permission: "read", params: yearParams, query: snapshotListQuery }, async ({ db, params, query }) => {
  if (!(await findYear(db, params.year))) throw notFound(`The year ${params.year}`);
  const page = await listSnapshots(db, params.year, { limit: query.limit, before: query.before });
  return { year: params.year, snapshots: page.snapshots.map(toSnapshotBody), nextBefore: page.nextBefore };
});

export const POST = apiRoute({ permission: "snapshots:create", params: yearParams, body: createSnapshotSchema, bodyOptional: true }, async ({ db, params, body, actor }) => {
  const created = await createSnapshot(db, params.year, actor, body.reason || null);
  return Response.json(toSnapshotBody(created), { status: 201, headers: { "Cache-Control": "no-store" } });
});
