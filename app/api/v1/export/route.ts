import { apiRoute } from "@/server/api/route";
import { allYearsDownload } from "@/server/export/respond";
import { allYearsExportQuery } from "@/lib/validation/export";

export const GET = apiRoute({ permission: "read", query: allYearsExportQuery }, async ({ db, query, actor }) =>
  allYearsDownload(db, query.format, actor),
);
