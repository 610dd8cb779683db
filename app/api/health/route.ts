import { databaseKind, getOpened } from "@/db/client";
import { errorResponse } from "@/server/api/respond";
import { publicRoute } from "@/server/api/route";

export const dynamic = "force-dynamic";

/** Open to anyone (load balancers): 200 when the database answers, 503 when not (the cause is logged, not shown). */
export const GET = publicRoute(async () => {
  const kind = databaseKind();
  try {
    const opened = await getOpened();
    await opened.ping();
    return Response.json({ status: "ok", database: kind }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // Anyone may read this answer: the address and the driver's words go to the server log only.
    console.error("[health] database not reachable:", error);
    return errorResponse(503, "unavailable", `The ${kind} database cannot be reached`, { status: "unavailable", database: kind });
  }
});
