import { comments } from "@/server/operations/comments";
import { route } from "@/server/api/route";

export const GET = route(comments.list);
export const POST = route(comments.add);
