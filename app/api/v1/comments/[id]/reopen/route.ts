import { comments } from "@/server/operations/comments";
import { route } from "@/server/api/route";

export const POST = route(comments.reopen);
