"use server";

import { action } from "@/server/actions/safe-action";
import { values } from "@/server/operations/values";

export const saveValueAction = action(values.save);
// All or nothing; a refusal's `rows` says which rows of the grid to mark, and why.
export const saveValuesAction = action(values.saveMany);
export const valueHistoryAction = action(values.history);
