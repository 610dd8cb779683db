import { z } from "zod";
import { cursorParam, limitParam } from "./params";

export const historyQuery = z.object({
  limit: limitParam(500).optional(),
  before: cursorParam.optional(),
});
