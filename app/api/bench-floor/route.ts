import { getDb } from "@/db/client";
import { listYears } from "@/db/queries/years";
import { unknownApiPath } from "@/server/api/route";
import { toYearBody } from "@/server/api/serialize";
import { benchFloorEnabled } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * A floor for `npm run bench`: GET /api/v1/years's query and JSON in a bare route handler, with
 * no proxy (api/ is outside its matcher), no caller check, no guard and no Server-Timing, so the
 * benchmark can tell what the app adds above what Next costs. It answers only when the
 * benchmark's server sets BENCH_FLOOR=1, and then only the list of years (numbers, statuses and
 * how many values each holds); anywhere else it is the same 404 as any unknown API path. Not in
 * the OpenAPI document: it is no part of the contract (lib/api/openapi.test.ts says so).
 */
export async function GET(req: Request): Promise<Response> {
  if (!benchFloorEnabled()) return unknownApiPath(req);
  const years = await listYears(await getDb());
  return Response.json({ years: years.map(toYearBody) });
}

// As app/api/[...path] answers: the route's existence shows through no method.
export { unknownApiPath as POST, unknownApiPath as PUT, unknownApiPath as PATCH, unknownApiPath as DELETE };
