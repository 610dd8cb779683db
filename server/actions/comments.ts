"use server";

import { action } from "@/server/actions/safe-action";
import { comments } from "@/server/operations/comments";

export const valueCommentsAction = action(comments.list);
export const addCommentAction = action(comments.add);
export const resolveCommentAction = action(comments.resolve);
export const reopenCommentAction = action(comments.reopen);
