import { transfer } from "@/server/operations/transfer";
import { route } from "@/server/api/route";

export const POST = route(transfer.import);
