import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { parseRuleExpression, type CompiledRule } from "@/lib/rules/expression";
import type { CreateRuleInput, UpdateRuleInput } from "@/lib/validation/rule";
import { metrics, validationRules } from "../schema";
import type { Database, Executor } from "../client";
import { listRules, type ValidationRule } from "../queries/rules";
import { recordAudit } from "./audit";

/** Parses an expression and checks that every figure it names is a metric: 422 naming the first problem. */
export async function compileRuleFor(db: Executor, expression: string): Promise<CompiledRule> {
  const parsed = parseRuleExpression(expression);
  if (!parsed.ok) throw new AppError("validation", parsed.message, { expression: parsed.message });
  const known = new Set((await db.select({ key: metrics.key }).from(metrics).where(inArray(metrics.key, parsed.rule.names))).map((m) => m.key));
  const unknown = parsed.rule.names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    const message = `Unknown metric${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `“${u}”`).join(", ")}: use metric keys`;
    throw new AppError("validation", message, { expression: message });
  }
  return parsed.rule;
}

async function findRule(db: Executor, key: string): Promise<ValidationRule> {
  const rule = (await listRules(db)).find((r) => r.key === key);
  if (!rule) throw new AppError("not_found", `There is no rule with the key “${key}”`);
  return rule;
}

export async function createRule(db: Database, input: CreateRuleInput, actor: Actor, ip?: string | null): Promise<ValidationRule> {
  return db.transaction(async (tx) => {
    await compileRuleFor(tx, input.expression);
    const [row] = await tx
      .insert(validationRules)
      .values({
        key: input.key,
        expression: input.expression,
        severity: input.severity,
        message: input.message ?? null,
        createdBy: actor.id,
        updatedBy: actor.id,
      })
      .onConflictDoNothing({ target: validationRules.key })
      .returning({ key: validationRules.key });
    if (!row) throw new AppError("conflict", `A rule with the key “${input.key}” already exists`, { key: "This key is already in use" });
    await recordAudit(tx, {
      action: "rule_created",
      actorId: actor.id,
      actorEmail: actor.email,
      detail: { key: input.key, expression: input.expression, severity: input.severity },
      ip,
    });
    return findRule(tx, input.key);
  });
}

export async function updateRule(db: Database, key: string, changes: UpdateRuleInput, actor: Actor, ip?: string | null): Promise<ValidationRule> {
  return db.transaction(async (tx) => {
    if (changes.key !== undefined && changes.key !== key) {
      throw new AppError("validation", "A rule's key cannot change", { key: "The key is fixed; create a new rule for a new key" });
    }
    const [current] = await tx.select().from(validationRules).where(eq(validationRules.key, key)).for("update");
    if (!current) throw new AppError("not_found", `There is no rule with the key “${key}”`);
    const after = {
      expression: changes.expression ?? current.expression,
      severity: changes.severity ?? current.severity,
      message: changes.message === undefined ? current.message : changes.message,
    };
    if (changes.expression !== undefined) await compileRuleFor(tx, after.expression);
    await tx
      .update(validationRules)
      .set({ ...after, updatedBy: actor.id, updatedAt: sql`now()` })
      .where(eq(validationRules.id, current.id));
    await recordAudit(tx, {
      action: "rule_updated",
      actorId: actor.id,
      actorEmail: actor.email,
      detail: { key, from: { expression: current.expression, severity: current.severity, message: current.message }, to: after },
      ip,
    });
    return findRule(tx, key);
  });
}

export async function deleteRule(db: Database, key: string, actor: Actor, ip?: string | null): Promise<{ key: string; deleted: true }> {
  return db.transaction(async (tx) => {
    const [removed] = await tx.delete(validationRules).where(eq(validationRules.key, key)).returning();
    if (!removed) throw new AppError("not_found", `There is no rule with the key “${key}”`);
    await recordAudit(tx, {
      action: "rule_deleted",
      actorId: actor.id,
      actorEmail: actor.email,
      detail: { key, expression: removed.expression, severity: removed.severity, message: removed.message },
      ip,
    });
    return { key, deleted: true as const };
  });
}
