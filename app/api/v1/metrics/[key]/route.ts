import { metrics } from "@/server/operations/metrics";
import { route } from "@/server/api/route";

export const GET = route(metrics.get);
export const PUT = route(metrics.update);
