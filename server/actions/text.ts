"use server";

import { action } from "@/server/actions/safe-action";
import { text } from "@/server/operations/text";

export const createBlockAction = action(text.create);
export const updateBlockAction = action(text.update);
export const deleteBlockAction = action(text.delete);
export const blockHistoryAction = action(text.history);
export const setTieAction = action(text.setTie);
