/** What a form of the year page reports itself as: a figure's row or a quote's form. */
export type UnsavedKey = `figure:${string}` | `quote:${string}`;

/** The question asked before leaving, naming what would be lost. */
export function leaveQuestion(keys: Iterable<string>): string {
  const all = [...keys];
  const quotes = all.filter((k) => k.startsWith("quote:")).length;
  const figures = all.length - quotes;
  const count = (n: number, one: string, many: string) => (n === 1 ? `one ${one}` : `${n} ${many}`);
  const parts = [figures > 0 ? count(figures, "figure", "figures") : null, quotes > 0 ? count(quotes, "quote", "quotes") : null].filter(Boolean).join(" and ");
  const verb = all.length === 1 ? "has" : "have";
  return `${parts.charAt(0).toUpperCase()}${parts.slice(1)} ${verb} changes that are not saved. Leave this page and lose them?`;
}
