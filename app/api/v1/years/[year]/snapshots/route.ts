import { transfer } from "@/server/operations/transfer";
import { route } from "@/server/api/route";

export const GET = route(transfer.snapshots);
export const POST = route(transfer.takeSnapshot);
