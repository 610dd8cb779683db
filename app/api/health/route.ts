import { service } from "@/server/operations/service";
import { route } from "@/server/api/route";

export const dynamic = "force-dynamic";

export const GET = route(service.health);
