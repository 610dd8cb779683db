import "server-only";
import type { Check } from "@/lib/checks/types";
import type { Executor } from "../client";

/** Numbers written in text that no longer state their figure. The chapter branch supplies the real one. */
export async function listTextChecks(_db: Executor, _year: number): Promise<Check[]> {
  return [];
}
