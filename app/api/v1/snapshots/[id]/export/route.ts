import { apiRoute } from "@/server/api/route";
import { snapshotDownload } from "@/server/export/respond";
import { idParams } from "@/lib/validation/params";
import { exportQuery } from "@/lib/validation/export";

export const GET = apiRoute({ permission: "read", params: idParams, query: exportQuery }, async ({ db, params, query, actor }) =>
  snapshotDownload(db, params.id, query.format, actor, { provenance: query.provenance }),
);
