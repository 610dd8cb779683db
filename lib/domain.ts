/**
 * The vocabulary of Report Desk, shared by the database schema, the zod schemas,
 * the UI and the API so that a new unit or role is added in one place.
 */
export const UNITS = ["count", "percent", "usd", "km", "km2", "m2"] as const;
export type Unit = (typeof UNITS)[number];

/** How the report hedges a figure: null = stated exactly. */
export const QUALIFIERS = ["over", "about"] as const;
export type Qualifier = (typeof QUALIFIERS)[number] | null;

/** Which way is good news for the dashboard's colours. */
export const DIRECTIONS = ["up", "down", "neutral"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** What a text block of the chapter is. */
export const BLOCK_KINDS = ["heading", "paragraph", "list_item", "caption", "operation"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export const ROLES = ["admin", "editor", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** A year is edited while `open`, read by reviewers while `in_review` (still editable), signed off when `locked`. */
export const YEAR_STATUSES = ["open", "in_review", "locked"] as const;
export type YearStatus = (typeof YEAR_STATUSES)[number];

/** Years the desk accepts; anything outside is a typo, not a report. */
export const MIN_YEAR = 1945;
export const MAX_YEAR = 2100;

/**
 * Past this many figures in a year, pages show part of them at a time: the year page one
 * section, the dashboard a few cards per section. The report has about 50.
 */
export const FIGURES_ON_ONE_PAGE = 120;

/** Largest magnitude accepted for any figure (issue: every number finite and ≤ 1e15). */
export const MAX_ABS_VALUE = 1e15;

export const TEXT_LIMITS = {
  note: 2_000,
  source: 1_000,
  quoteText: 5_000,
  blockText: 10_000,
  reason: 1_000,
  comment: 2_000,
  returnMessage: 2_000,
  ruleMessage: 500,
  ruleExpression: 1_000,
  breakNote: 1_000,
} as const;

/** Severity of a check: an `error` blocks a lock unless overridden with a reason, a `warning` never does. */
export const SEVERITIES = ["error", "warning"] as const;

/** Outlier threshold of a metric with no `warnChangePct` of its own (contract: default 50). */
export const DEFAULT_WARN_CHANGE_PCT = 50;
