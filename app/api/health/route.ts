import { getOpened } from "@/db/client";
import { databaseKind } from "@/db/client";
import { errorResponse } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

/** Open to anyone (load balancers): 200 when the database answers, 503 with the reason when not. */
export async function GET() {
  const kind = databaseKind();
  try {
    const opened = await getOpened();
    await opened.ping();
    return Response.json({ status: "ok", database: kind }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return errorResponse(503, "unavailable", `The ${kind} database cannot be reached: ${reason}`, { status: "unavailable", database: kind });
  }
}
