"use server";

import { action } from "@/server/actions/safe-action";
import { years } from "@/server/operations/years";

// Each page action is its API operation's (server/operations/): the same guard, schemas and answer.

export const openYearAction = action(years.open);
export const lockYearAction = action(years.lock);
export const unlockYearAction = action(years.unlock);
export const submitYearAction = action(years.submit);
export const returnYearAction = action(years.return);
