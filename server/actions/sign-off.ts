"use server";

import { addComment, setCommentResolved } from "@/db/commands/comments";
import { returnYear, submitYear } from "@/db/commands/years";
import { listValueComments } from "@/db/queries/comments";
import { guardedAction } from "@/server/actions/safe-action";
import { addCommentAction, commentAction, returnYearAction, valueCommentsAction, yearAction } from "@/lib/validation/year-page";

// The review workflow and the comment threads of the year page, over the API's commands and permissions.

export const submitYearFromPage = guardedAction("years:submit", yearAction, async (input, { db, actor, ip }) => submitYear(db, input.year, actor, ip));

export const returnYearFromPage = guardedAction("years:return", returnYearAction, async (input, { db, actor, ip }) =>
  returnYear(db, input.year, input.message, actor, ip),
);

export const loadValueComments = guardedAction("read", valueCommentsAction, async (input, { db }) => listValueComments(db, input.year, input.metricKey));

export const addCommentFromPage = guardedAction("comments:write", addCommentAction, async (input, { db, actor, ip }) =>
  addComment(db, input.year, input.metricKey, input.text, actor, ip),
);

export const resolveCommentFromPage = guardedAction("comments:resolve", commentAction, async (input, { db, actor, ip }) =>
  setCommentResolved(db, input.id, true, actor, ip),
);

export const reopenCommentFromPage = guardedAction("comments:write", commentAction, async (input, { db, actor, ip }) =>
  setCommentResolved(db, input.id, false, actor, ip),
);
