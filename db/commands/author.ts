import "server-only";
import type { Actor } from "@/lib/auth/actor";

/** Who a write is by: a signed-in person, or (for the shipped edition) only a name. */
export type Author = Actor | { attribution: string };

export const authorId = (author: Author): number | null => ("attribution" in author ? null : author.id);
export const authorEmail = (author: Author): string | null => ("attribution" in author ? null : author.email);
export const authorAttribution = (author: Author): string | null => ("attribution" in author ? author.attribution : null);
