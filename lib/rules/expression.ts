/**
 * Validation rules are filtrex expressions over one year's figures by metric key. filtrex parses
 * and compiles them into a function with no access to JavaScript (no eval of user text); this
 * module only adds what the desk needs around it: the metric keys a rule names, and the
 * "skip when a figure is missing" evaluation.
 */
import { compileExpression } from "filtrex";

export type CompiledRule = { names: string[]; evaluate: (values: Record<string, number>) => unknown };
export type ParsedRule = { ok: true; rule: CompiledRule } | { ok: false; message: string };

// The words filtrex's lexer reserves; any other bare word that is not a function call is a figure.
const KEYWORDS = new Set(["and", "or", "not", "in", "of", "if", "then", "else", "mod"]);
const FUNCTIONS = ["abs", "round", "min", "max", "floor", "ceil", "sqrt"] as const;
// filtrex's own symbol pattern (its lexer), after double-quoted strings are set aside.
const SYMBOL = /'(?:\\'|\\\\|[^'\\])*'|"(?:\\"|\\\\|[^"\\])*"|[a-zA-Z$_][.a-zA-Z0-9$_]*(\s*\()?/g;

/**
 * The figures a (parsed) expression reads. filtrex has no AST API and short-circuits `and`/`or`,
 * so a trial run would miss names behind a false branch; its symbol pattern finds them all.
 */
function namesIn(expression: string): string[] {
  const names = new Set<string>();
  for (const match of expression.matchAll(SYMBOL)) {
    const token = match[0];
    if (token.startsWith('"') || match[1] !== undefined) continue; // a string literal or a function call
    const name = token.startsWith("'") ? token.slice(1, -1) : token;
    if (!KEYWORDS.has(name)) names.add(name);
  }
  return [...names];
}

export function parseRuleExpression(expression: string): ParsedRule {
  let fn: (data: Record<string, number>) => unknown;
  try {
    fn = compileExpression(expression, { extraFunctions: {} });
  } catch (error) {
    // filtrex's message: "Parse error on line 1:", the text, a caret line, "Expecting …"; keep the words.
    const detail =
      error instanceof Error
        ? error.message
            .split("\n")
            .filter((line) => !/^\s*-*\^$/.test(line))
            .join(" ")
        : "it is not an expression";
    return { ok: false, message: `The expression does not parse: ${detail}` };
  }
  const unknownFunction = [...expression.matchAll(/([a-zA-Z$_][.a-zA-Z0-9$_]*)\s*\(/g)]
    .map((m) => m[1]!)
    .find((f) => !KEYWORDS.has(f) && !(FUNCTIONS as readonly string[]).includes(f));
  if (unknownFunction) return { ok: false, message: `Unknown function “${unknownFunction}”: use ${FUNCTIONS.join(", ")}` };
  const names = namesIn(expression);
  if (names.length === 0) return { ok: false, message: "The expression names no figure: compare metrics by their keys" };
  return { ok: true, rule: { names, evaluate: fn } };
}

export type RuleOutcome = { status: "pass" } | { status: "fail" } | { status: "skipped"; missing: string[] };

/** A rule whose figures lack a value in the year is skipped there (contract); otherwise it passes when truthy. */
export function evaluateRule(rule: CompiledRule, values: ReadonlyMap<string, number | null>): RuleOutcome {
  const data: Record<string, number> = {};
  const missing: string[] = [];
  for (const name of rule.names) {
    const value = values.get(name);
    if (value === null || value === undefined) missing.push(name);
    else data[name] = value;
  }
  if (missing.length > 0) return { status: "skipped", missing };
  const result = rule.evaluate(data);
  // filtrex returns (not throws) its run-time errors; a rule that cannot be computed has not passed.
  if (result instanceof Error) return { status: "fail" };
  return result === true || (typeof result === "number" && result !== 0 && !Number.isNaN(result)) ? { status: "pass" } : { status: "fail" };
}
