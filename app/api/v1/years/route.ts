import { openYear } from "@/db/commands/years";
import { listYears } from "@/db/queries/years";
import { apiRoute } from "@/server/api/route";
import { toYearBody } from "@/server/api/serialize";
import { openYearSchema } from "@/lib/validation/year";

export const GET = apiRoute({ permission: "read" }, async ({ db }) => {
  const years = await listYears(db);
  return { years: years.map(toYearBody) };
});

export const POST = apiRoute({ permission: "years:open", body: openYearSchema }, async ({ db, body, actor, ip }) => {
  const opened = await openYear(db, body.year, actor, ip, { copyFrom: body.copyFrom, quoteIds: body.quoteIds });
  return Response.json(opened, { status: 201 });
});
