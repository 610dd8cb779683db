import { z } from "zod";
import { createBlockSchema, deleteBlockSchema, setTieSchema, updateBlockSchema } from "./block";
import { idParams, yearParam } from "./params";

/** Envelopes of the text view's server actions: where the change goes, plus the API's own body schema. */
export const createBlockAction = z.object({ year: yearParam, block: createBlockSchema });
export const updateBlockAction = idParams.extend({ block: updateBlockSchema });
export const deleteBlockAction = idParams.extend({ block: deleteBlockSchema });
export const setTieAction = idParams.extend({ decision: setTieSchema });
export const blockHistoryAction = idParams;
