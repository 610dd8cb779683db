import { apiRoute } from "@/lib/api/route";
import { allYearsDownload } from "@/lib/export/respond";
import { allYearsExportQuery } from "@/lib/validation/transfer";

export const GET = apiRoute({ permission: "read", query: allYearsExportQuery }, async ({ db, query, actor }) =>
  allYearsDownload(db, query.format, actor),
);
