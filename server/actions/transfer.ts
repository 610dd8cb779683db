"use server";

import { action } from "@/server/actions/safe-action";
import { transfer } from "@/server/operations/transfer";

export const takeSnapshotAction = action(transfer.takeSnapshot);
