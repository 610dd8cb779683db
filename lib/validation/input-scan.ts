import { AppError } from "@/lib/errors";

/**
 * One look at every parsed input (API body, server action arguments, sign-in fields) before
 * its own schema: PostgreSQL refuses NUL in text with an error, and deep nesting costs stack,
 * so both are answered as bad input here instead of failing further in as a 500.
 */
export const MAX_INPUT_DEPTH = 32;

export type InputProblem = { kind: "nul"; path: string; message: string } | { kind: "depth"; path: string; message: string };

const NUL = "\u0000";

export function findInputProblem(input: unknown): InputProblem | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (value.includes(NUL)) return nul(path);
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      return { kind: "depth", path: fieldName(path), message: `The input is nested more than ${MAX_INPUT_DEPTH} levels deep` };
    }
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, child] of entries) {
      if (key.includes(NUL)) return nul([...path, key.replaceAll(NUL, "")]);
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

/** The field's name as validation errors name it ("note", "quote.text"; "_" for the whole input). */
function fieldName(path: string[]): string {
  return path.join(".") || "_";
}

function nul(path: string[]): InputProblem {
  const name = fieldName(path);
  return { kind: "nul", path: name, message: `${name === "_" ? "The text" : `“${name}”`} contains a NUL character (\\u0000), which text may not hold` };
}

/** Throws the error the API and the actions answer with: 422 naming the field, or 400 for nesting. */
export function assertSafeInput(input: unknown): void {
  const problem = findInputProblem(input);
  if (!problem) return;
  if (problem.kind === "nul") throw new AppError("validation", "Some fields are not valid", { [problem.path]: problem.message });
  throw new AppError("bad_request", problem.message);
}
