import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, eq } from "drizzle-orm";
import { metrics, users, valueComments } from "../schema";
import type { Executor } from "../client";

export type ValueComment = {
  id: number;
  year: number;
  metricKey: string;
  text: string;
  author: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
};

const resolver = alias(users, "resolver");

function selectComments(db: Executor) {
  return db
    .select({
      id: valueComments.id,
      year: valueComments.year,
      metricKey: metrics.key,
      text: valueComments.text,
      author: users.name,
      createdAt: valueComments.createdAt,
      resolvedAt: valueComments.resolvedAt,
      resolvedBy: resolver.name,
    })
    .from(valueComments)
    .innerJoin(metrics, eq(metrics.id, valueComments.metricId))
    .innerJoin(users, eq(users.id, valueComments.authorId))
    .leftJoin(resolver, eq(resolver.id, valueComments.resolvedBy));
}

/** A value's thread, oldest first (a conversation reads top to bottom). */
export async function listValueComments(db: Executor, year: number, metricKey: string): Promise<ValueComment[]> {
  return selectComments(db)
    .where(and(eq(valueComments.year, year), eq(metrics.key, metricKey)))
    .orderBy(asc(valueComments.id));
}

export async function findComment(db: Executor, id: number): Promise<ValueComment | null> {
  const [row] = await selectComments(db).where(eq(valueComments.id, id));
  return row ?? null;
}
