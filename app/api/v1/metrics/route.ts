import { metrics } from "@/server/operations/metrics";
import { route } from "@/server/api/route";

export const GET = route(metrics.list);
export const POST = route(metrics.create);
