import { apiRoute } from "@/server/api/route";
import { yearDownload } from "@/server/export/respond";
import { yearParams } from "@/lib/validation/params";
import { exportQuery } from "@/lib/validation/export";

export const GET = apiRoute({ permission: "read", params: yearParams, query: exportQuery }, async ({ db, params, query, actor }) =>
  yearDownload(db, params.year, query.format, actor, { provenance: query.provenance }),
);
