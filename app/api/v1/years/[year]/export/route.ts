import { transfer } from "@/server/operations/transfer";
import { route } from "@/server/api/route";

export const GET = route(transfer.exportYear);
