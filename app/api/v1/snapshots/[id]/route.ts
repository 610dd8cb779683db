import { findSnapshot } from "@/db/queries/snapshots";
import { apiRoute } from "@/server/api/route";
import { toSnapshotBody } from "@/server/api/serialize";
import { notFound } from "@/lib/errors";
import { parseSnapshotContent } from "@/lib/snapshot/content";
import { idParams } from "@/lib/validation/params";

export const GET = apiRoute({ permission: "read", params: idParams }, async ({ db, params }) => {
  const snapshot = await findSnapshot(db, params.id);
  if (!snapshot) throw notFound(`Snapshot ${params.id}`);
  return { ...toSnapshotBody(snapshot), content: parseSnapshotContent(snapshot.content), signOff: snapshot.signOff };
});
