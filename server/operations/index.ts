import "server-only";
import type { AnyOperation } from "@/server/operation";
import { comments } from "@/server/operations/comments";
import { compare } from "@/server/operations/compare";
import { metrics } from "@/server/operations/metrics";
import { people } from "@/server/operations/people";
import { quotes } from "@/server/operations/quotes";
import { rules } from "@/server/operations/rules";
import { service } from "@/server/operations/service";
import { text } from "@/server/operations/text";
import { transfer } from "@/server/operations/transfer";
import { values } from "@/server/operations/values";
import { years } from "@/server/operations/years";

/** Every operation, in the order the document lists them. */
export const operations: readonly AnyOperation[] = [service, metrics, years, values, quotes, comments, text, rules, compare, transfer, people].flatMap(
  (group) => Object.values(group) as AnyOperation[],
);
