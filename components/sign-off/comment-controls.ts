import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/domain";
import type { CommentControls } from "./comments-drawer";

/** What a person may do with the year's comment threads; a locked year's are read-only (the server refuses with 423). */
export function commentsFor(openComments: Map<string, number>, role: Role, yearLocked: boolean): CommentControls {
  return {
    openCounts: Object.fromEntries(openComments),
    canComment: !yearLocked && can(role, "comments:write"),
    canResolve: !yearLocked && can(role, "comments:resolve"),
  };
}
