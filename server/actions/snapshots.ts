"use server";

import { revalidatePath } from "next/cache";
import { createSnapshot } from "@/db/commands/snapshots";
import { guardedAction } from "@/server/actions/safe-action";
import { takeSnapshotSchema } from "@/lib/validation/snapshot";

export const takeSnapshot = guardedAction("snapshots:create", takeSnapshotSchema, async (input, { db, actor }) => {
  const created = await createSnapshot(db, input.year, actor, input.reason || null);
  revalidatePath(`/years/${input.year}/snapshots`);
  return { id: created.id, sha256: created.sha256 };
});
