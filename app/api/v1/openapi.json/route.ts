import { buildOpenApiDocument } from "@/lib/api/openapi";
import { publicRoute } from "@/server/api/route";

// Built once per process; served per request so that its headers (HSTS over https) fit the request.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = publicRoute(() => (document ??= buildOpenApiDocument()));
