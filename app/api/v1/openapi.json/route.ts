import { service } from "@/server/operations/service";
import { route } from "@/server/api/route";

export const GET = route(service.openApi);
