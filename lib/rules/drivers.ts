/**
 * docs/rules.md §3.6 drivers: which benefit groups carry an overall criterion's shortfall. Each group's
 * excess over the limit in a month is W_g − P_g · limit / 100 (negative when the group is under
 * it), summed over the window's published months with counts. Computed from the group rows even
 * when an `alle` row decides the verdict.
 */
import type { BenefitGroupId, Month } from "../domain/types.ts";
import type { MeasurementIndex } from "./measurement-index.ts";
import type { CriterionDefinition } from "./criteria.ts";
import type { Share } from "./share.ts";

export interface Driver {
  readonly group: BenefitGroupId;
  /** Citizens over the limit, summed over the months, rounded to one decimal. */
  readonly excess: number;
}

/** An exact excess as a fraction over 100·limit.den: Σ (100·den·W − P·num). */
export interface ExactExcess {
  readonly group: BenefitGroupId;
  readonly numerator: number;
  readonly denominator: number;
}

/** One group's excess in one month, as a numerator over 100 · limit.den. */
export function monthExcessNumerator(population: number, without: number, limit: Share): number {
  return 100 * limit.den * without - population * limit.num;
}

/** numerator / denominator rounded to one decimal, half away from zero, from integers. */
export function roundTenths(numerator: number, denominator: number): number {
  const sign = numerator < 0 ? -1 : 1;
  const a = Math.abs(numerator) * 10;
  const tenths = Math.floor((2 * a + denominator) / (2 * denominator));
  return (sign * tenths) / 10 || 0;
}

/** The exact excess of every group with counts in at least one of `months`; [] when none has. */
export function exactDrivers(
  index: MeasurementIndex,
  code: string,
  c: CriterionDefinition,
  months: readonly Month[],
  limit: Share,
): ExactExcess[] {
  if (!c.aggregate) return [];
  const positions = index.positionsOf(months);
  const out: ExactExcess[] = [];
  for (const group of c.groups) {
    const s = index.series(code, group, c.measure);
    if (!s) continue;
    let numerator = 0;
    let seen = false;
    for (const i of positions) {
      if (i < 0 || !s.present[i]) continue;
      const p = s.population[i]!;
      const w = s.without[i]!;
      if (Number.isNaN(p) || Number.isNaN(w)) continue;
      numerator += monthExcessNumerator(p, w, limit);
      seen = true;
    }
    if (seen) out.push({ group, numerator, denominator: 100 * limit.den });
  }
  return out;
}

/** §3.6 drivers, sorted descending (ties by group id); null when no group has counts. */
export function drivers(
  index: MeasurementIndex,
  code: string,
  c: CriterionDefinition,
  months: readonly Month[],
  limit: Share,
): Driver[] | null {
  const exact = exactDrivers(index, code, c, months, limit);
  if (!exact.length) return null;
  return exact
    .sort((a, b) => b.numerator - a.numerator || a.group.localeCompare(b.group))
    .map((x) => ({ group: x.group, excess: roundTenths(x.numerator, x.denominator) }));
}
