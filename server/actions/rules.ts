"use server";

import { action } from "@/server/actions/safe-action";
import { rules } from "@/server/operations/rules";

export const previewRuleAction = action(rules.preview);
export const createRuleAction = action(rules.create);
export const updateRuleAction = action(rules.update);
export const deleteRuleAction = action(rules.delete);
