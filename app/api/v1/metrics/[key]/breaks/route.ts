import { metrics } from "@/server/operations/metrics";
import { route } from "@/server/api/route";

export const POST = route(metrics.addBreak);
