import type { Role } from "@/lib/domain";
import type { ExportRow } from "@/lib/export/model";
import type { QuoteFields } from "@/lib/validation/quote";

/**
 * The made-up people, metrics and quotes every suite builds on, as plain data: vitest tests
 * write them with tests/support/db-fixtures.ts, the end-to-end suite through the app's API
 * (e2e/api.ts), and the fault and large-catalogue scripts into their own databases. Nothing
 * here touches a database, so Playwright can import it too.
 */

/** One passphrase for made-up people: long enough for the password rules, on no breached list. */
const PASSWORD = "lantern orchard ninety rivers";

export type Person = { role: Role; name: string; email: string; password: string };

/** The four people the end-to-end suite signs in as, one per role. */
export const PEOPLE: Record<Role, Person> = {
  admin: { role: "admin", name: "Ada Admin", email: "admin@example.org", password: "seven orange lanterns drift home" },
  editor: { role: "editor", name: "Edith Editor", email: "editor@example.org", password: "violet harbour carries seven kites" },
  reviewer: { role: "reviewer", name: "Rui Reviewer", email: "reviewer@example.org", password: "granite meadow whistles under rain" },
  viewer: { role: "viewer", name: "Vera Viewer", email: "viewer@example.org", password: "amber falcon sketches quiet hills" },
};

/** A person of `role` called `name`, whose email follows from the name (so one name, one person). */
export function personOf(role: Role, name = `${role} person`, password = PASSWORD): Person {
  return { role, name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.org`, password };
}

/** A metric's definition as the admin's form and POST /api/v1/metrics take it. */
export type MetricDefinition = {
  key: string;
  label: string;
  section: string;
  unit: "count" | "percent" | "usd" | "km" | "km2" | "m2";
  direction: "up" | "down" | "neutral";
};

/** A plain count in the peacekeeping section, labelled after its key unless told otherwise. */
export function metricOf(key: string, overrides: Partial<Omit<MetricDefinition, "key">> = {}): MetricDefinition {
  return { key, label: key, section: "peacekeeping", unit: "count", direction: "neutral", ...overrides };
}

/** A short quote in the peacekeeping section. */
export function quoteOf(overrides: Partial<QuoteFields> = {}): QuoteFields {
  return { speaker: "Ada Speaker", title: "Envoy", section: "peacekeeping", text: "First.", ...overrides };
}

/** One exported figure row (the CSV's columns), a count of refugees in 2024 unless told otherwise. */
export function exportRowOf(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    year: 2024,
    section: "Displacement",
    metricKey: "refugees",
    label: "Refugees",
    unit: "count",
    value: 43_400_000,
    qualifier: "over",
    note: null,
    source: null,
    updatedAt: new Date("2024-05-01T12:30:00.000Z"),
    updatedBy: "Ana",
    ...overrides,
  };
}
