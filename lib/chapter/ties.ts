/**
 * When a written number states a figure (docs/API.md, "The chapter's text"): its number equals
 * the figure's value as the report rounds it, and its hedge is compatible with the figure's
 * qualifier. "over 76,000" states 76,694 (qualifier over) because the writer rounded down to
 * thousands; a bare "76,000" states only an exact 76,000. Pure.
 */
import type { Qualifier, Unit } from "@/lib/domain";
import { formatValue } from "@/lib/numbers/format";
import { parseHumanNumber } from "@/lib/numbers/parse";
import type { WrittenNumber } from "./written-numbers";

export type Figure = { metricKey: string; section: string; unit: Unit; value: number | null; qualifier: Qualifier };
export type WrittenFigure = Pick<WrittenNumber, "value" | "hedge" | "unit" | "precision">;

const same = (a: number, b: number) => Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 1e-12;

/** The value as the report prints it, read back as a number: 4,870,000 → 4,900,000; 43.25% → 43.25. */
function asPrinted(value: number, unit: Unit): number {
  const printed = formatValue(value, unit, null)
    .replace(/\s(?:km²|m²|km)$/, "")
    .replace(/^\u2212/, "-");
  const parsed = parseHumanNumber(printed);
  return parsed.ok ? parsed.value : value;
}

function unitsAgree(written: WrittenFigure["unit"], unit: Unit): boolean {
  if (written === null) return unit === "count" || unit === "km" || unit === "km2" || unit === "m2";
  return written === unit;
}

function hedgeAgrees(hedge: Qualifier, qualifier: Qualifier): boolean {
  if (hedge === null) return qualifier === null;
  return qualifier === null || qualifier === hedge;
}

export function statesFigure(w: WrittenFigure, f: Pick<Figure, "unit" | "value" | "qualifier">): boolean {
  if (f.value === null || !unitsAgree(w.unit, f.unit) || !hedgeAgrees(w.hedge, f.qualifier)) return false;
  const steps = f.value / w.precision;
  switch (w.hedge) {
    case null:
      return same(w.value, asPrinted(f.value, f.unit));
    case "over":
      // "over 400" says the figure is at least 400 and below the next step the writer would round to.
      // An exact figure must exceed it: "over 400" is not true of exactly 400.
      if (f.qualifier === null && !(f.value > w.value)) return false;
      return same(Math.floor(steps + 1e-9) * w.precision, w.value) || same(asPrinted(f.value, f.unit), w.value);
    case "about":
      return same(Math.round(steps) * w.precision, w.value);
  }
}

/**
 * The figure a written number states, for a tie made on save. A figure stated exactly ("over
 * 100" of a figure "over 100") beats one merely compatible (an exact 152 is also "over 100");
 * the block's own section beats the rest of the year. From another section only a single
 * candidate is taken, and only a number distinctive enough to name it: 100 or more, or a
 * percentage or an amount of money, and within 5% of the figure ("two beekeeping associations"
 * is not the Security Council's two field missions; "over 200,000 children" is not 257,800
 * explosive items). Null when none, for a year ("since 2020"), or when figures compete: an
 * author ties those by hand.
 */
export function findStatedFigure<F extends Figure>(w: WrittenFigure & { looksLikeYear: boolean }, figures: readonly F[], section: string): F | null {
  if (w.looksLikeYear) return null;
  const stated = figures.filter((f) => statesFigure(w, f));
  const exact = stated.filter((f) => f.qualifier === w.hedge && same(asPrinted(f.value!, f.unit), w.value));
  const inSection = (list: F[]) => list.find((f) => f.section === section);
  const distinctive = w.value >= 100 || w.unit === "percent" || w.unit === "usd";
  const close = (f: F) => Math.abs(f.value! - w.value) <= Math.abs(f.value!) * 0.05;
  const only = (list: F[]) => (distinctive && list.length === 1 && close(list[0]!) ? list[0]! : undefined);
  return inSection(exact) ?? inSection(stated) ?? only(exact) ?? only(stated) ?? null;
}
