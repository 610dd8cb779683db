import { errorResponse } from "@/server/api/respond";
import { publicRoute } from "@/server/api/route";

/** Unknown API paths answer the contract's JSON error, not an HTML page. */
const notFound = publicRoute((req) => errorResponse(404, "not_found", `No API route ${new URL(req.url).pathname}`));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
