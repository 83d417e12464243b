/**
 * Exact shares. A share without effort is a rational number of percent: from counts it is
 * 100·W/P, from a published figure it is the decimal as printed. Comparing by cross-multiplying
 * integers means P=35, W=7 is exactly 20 % — never 20.000000000000004 %.
 */
import type { Decimal } from "../domain/types.ts";

/** A share in percent as num/den with den > 0. */
export interface Share {
  readonly num: number;
  readonly den: number;
}

export function shareFromCounts(without: number, population: number): Share | null {
  return population > 0 ? { num: 100 * without, den: population } : null;
}

export function shareFromDecimal(d: Decimal): Share {
  return { num: d.num, den: d.den };
}

/** −1, 0 or 1 as a is below, equal to or above b — exactly. */
export function compareShares(a: Share, b: Share): -1 | 0 | 1 {
  const d = a.num * b.den - b.num * a.den;
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export function shareToNumber(s: Share): number {
  return s.num / s.den;
}

/** Rounded to one decimal, half away from zero, as the published tables round. */
export function shareRounded(s: Share): number {
  const tenths = Math.floor((s.num * 10 * 2 + s.den) / (2 * s.den));
  return tenths / 10;
}

/**
 * A user-given percentage (threshold 80, limit 19.5) as an exact share. Up to six decimals are
 * kept; that is far finer than any published figure.
 */
export function shareFromPercent(percent: number): Share {
  for (let den = 1; den <= 1e6; den *= 10) {
    const num = Math.round(percent * den);
    if (Math.abs(num / den - percent) < 1e-9) return { num, den };
  }
  return { num: Math.round(percent * 1e6), den: 1e6 };
}

/** 100 − percent, exactly: the largest share without effort that is not a breach. */
export function complementOf(percent: Share): Share {
  return { num: 100 * percent.den - percent.num, den: percent.den };
}

/** Denominators beyond this (more than four decimals) are not a published rounding: no bound. */
const MAX_IMPLIED_DEN = 10_000;

/**
 * docs/rules.md §3.3: the smallest population P ≥ 1 for which some whole number 0 ≤ W ≤ P of persons
 * without effort gives the published share when rounded half up to its printed precision
 * (45,5 % → 11, 7,1 % → 14, 100,0 % → 1). `published` is the share as printed: num/den with den
 * a power of ten (45,5 = 455/10). Integer arithmetic only: with den ≤ 10⁴ every product stays
 * far below 2⁵³. Null when the share is outside 0–100 or not a plausible published figure.
 */
export function impliedMinPopulation(published: Share): number | null {
  const { num: t, den } = published;
  if (!Number.isInteger(t) || !Number.isInteger(den) || den < 1 || den > MAX_IMPLIED_DEN) return null;
  if (t < 0 || t > 100 * den) return null;
  // round_half_up(100·W/P at precision 1/den) = t/den  ⟺  (2t − 1)·P ≤ 200·den·W < (2t + 1)·P
  const unit = 200 * den;
  for (let p = 1; p <= 100 * den; p++) {
    const low = (2 * t - 1) * p;
    let w = Math.max(0, Math.floor(low / unit));
    while (w * unit < low) w++;
    if (w <= p && w * unit < (2 * t + 1) * p) return p;
  }
  return null; // unreachable for 0 ≤ t ≤ 100·den: P = 100·den always has such a W
}
