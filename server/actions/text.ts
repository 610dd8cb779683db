"use server";

import { createBlock, deleteBlock, updateBlock } from "@/db/commands/blocks";
import { setTie } from "@/db/commands/number-ties";
import { listBlockHistory } from "@/db/queries/blocks";
import { guardedAction } from "@/server/actions/safe-action";
import { notFound } from "@/lib/errors";
import { blockHistoryAction, createBlockAction, deleteBlockAction, setTieAction, updateBlockAction } from "@/lib/validation/text-page";

// The same commands as the JSON API's blocks routes, behind the same guard.

const summary = (b: { id: number; version: number; position: number }) => ({ id: b.id, version: b.version, position: b.position });

export const createBlockFromPage = guardedAction("values:write", createBlockAction, async (input, { db, actor }) =>
  summary(await createBlock(db, input.year, input.block, actor)),
);

export const updateBlockFromPage = guardedAction("values:write", updateBlockAction, async (input, { db, actor }) =>
  summary(await updateBlock(db, input.id, input.block, actor)),
);

export const deleteBlockFromPage = guardedAction("values:write", deleteBlockAction, async (input, { db, actor }) => deleteBlock(db, input.id, input.block, actor));

export const setTieFromPage = guardedAction("values:write", setTieAction, async (input, { db, actor }) => {
  const tie = await setTie(db, input.id, input.decision, actor);
  return { id: tie.id, notFigure: tie.notFigure };
});

export const loadBlockHistory = guardedAction("read", blockHistoryAction, async (input, { db }) => {
  const history = await listBlockHistory(db, input.id);
  if (!history) throw notFound(`Text block ${input.id}`);
  return history.revisions;
});
