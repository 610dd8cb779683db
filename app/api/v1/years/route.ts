import { listYears } from "@/db/queries/years";
import { apiRoute } from "@/lib/api/route";
import { toYearBody } from "@/lib/api/serialize";

export const GET = apiRoute({ permission: "read" }, async ({ db }) => {
  const years = await listYears(db);
  return { years: years.map(toYearBody) };
});
