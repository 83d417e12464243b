/**
 * docs/rules.md §3.6 benchmarks: the share without effort for the whole country, each region and each
 * AMK, per month and measure, as ΣW / ΣP over the municipalities whose aggregate cell (§3.2) has
 * exact counts. A partial sum or an unknown cell is left out and the benchmark is marked partial.
 * These are computed sums, not published national figures.
 */
import type { Measure, Month } from "../domain/types.ts";
import { MEASURES } from "../domain/types.ts";
import { MUNICIPALITIES, type Municipality } from "../domain/municipalities.ts";
import type { MeasurementIndex } from "./measurement-index.ts";
import { OVERALL_CRITERIA } from "./criteria.ts";
import { fedCriterionSeries, type CriterionSeries } from "./month-values.ts";
import { compareShares, shareRounded } from "./share.ts";

export interface BenchmarkPoint {
  readonly month: Month;
  readonly population: number;
  readonly without: number;
  /** ΣW / ΣP rounded to one decimal; null when no municipality had counts. */
  readonly shareWithout: number | null;
  /** Some member municipality was left out (no exact counts that month). */
  readonly partial: boolean;
}

export interface MeasureBenchmarks {
  readonly national: readonly BenchmarkPoint[];
  /** By region code. */
  readonly regions: Readonly<Record<string, readonly BenchmarkPoint[]>>;
  /** By AMK name. */
  readonly amk: Readonly<Record<string, readonly BenchmarkPoint[]>>;
}

export type Benchmarks = Readonly<Record<Measure, MeasureBenchmarks>>;

export interface Rank {
  /** 1 = the lowest share without effort. Equal shares share a place. */
  readonly position: number;
  /** Municipalities ranked (those with exact counts in the months). */
  readonly of: number;
}

/** The overall series of `measure` per municipality code (undefined where the input feeds none). */
function aggregateSeriesByCode(index: MeasurementIndex, measure: Measure): Map<string, CriterionSeries> {
  const col = OVERALL_CRITERIA.findIndex((c) => c.measure === measure);
  const fed = fedCriterionSeries(index, OVERALL_CRITERIA);
  const out = new Map<string, CriterionSeries>();
  index.codes.forEach((code, row) => {
    const s = fed[row]![col];
    if (s) out.set(code, s);
  });
  return out;
}

/** The exact counts of an aggregate cell at position i, or null (unknown, partial or share only). */
export function exactCounts(s: CriterionSeries | undefined, i: number): { p: number; w: number } | null {
  if (!s || i < 0 || s.source[i] === 0 || s.lowerBound[i]) return null;
  const p = s.population[i]!;
  const w = s.without[i]!;
  return Number.isNaN(p) || Number.isNaN(w) ? null : { p, w };
}

/** ΣW / ΣP of `members` month by month. */
function sumOver(
  members: readonly Municipality[],
  series: Map<string, CriterionSeries>,
  months: readonly Month[],
  positions: Int32Array,
): BenchmarkPoint[] {
  return months.map((month, k) => {
    let population = 0;
    let without = 0;
    let partial = false;
    for (const m of members) {
      const c = exactCounts(series.get(m.code), positions[k]!);
      if (!c) partial = true;
      else {
        population += c.p;
        without += c.w;
      }
    }
    const shareWithout = population > 0 ? shareRounded({ num: 100 * without, den: population }) : null;
    return { month, population, without, shareWithout, partial };
  });
}

function groupBy(key: (m: Municipality) => string): Map<string, Municipality[]> {
  const out = new Map<string, Municipality[]>();
  for (const m of MUNICIPALITIES) out.set(key(m), [...(out.get(key(m)) ?? []), m]);
  return out;
}

const BY_REGION = groupBy((m) => m.regionCode);
const BY_AMK = groupBy((m) => m.amk);

/** The benchmarks of both measures for `months` (the national line is over all 98). */
export function benchmarks(index: MeasurementIndex, months: readonly Month[]): Benchmarks {
  const positions = index.positionsOf(months);
  const one = (measure: Measure): MeasureBenchmarks => {
    const series = aggregateSeriesByCode(index, measure);
    const lines = (groups: Map<string, Municipality[]>) =>
      Object.fromEntries([...groups].map(([k, members]) => [k, sumOver(members, series, months, positions)]));
    return {
      national: sumOver(MUNICIPALITIES, series, months, positions),
      regions: lines(BY_REGION),
      amk: lines(BY_AMK),
    };
  };
  return Object.fromEntries(MEASURES.map((m) => [m, one(m)])) as unknown as Benchmarks;
}

/**
 * Each municipality's place by its share without effort over `months` (ΣW / ΣP of its aggregate
 * cells with exact counts), 1 = lowest; municipalities without such counts are not ranked.
 */
export function ranks(index: MeasurementIndex, measure: Measure, months: readonly Month[]): Map<string, Rank> {
  const positions = index.positionsOf(months);
  const series = aggregateSeriesByCode(index, measure);
  const shares: { code: string; num: number; den: number }[] = [];
  for (const [code, s] of series) {
    let p = 0;
    let w = 0;
    for (const i of positions) {
      const c = exactCounts(s, i);
      if (c) {
        p += c.p;
        w += c.w;
      }
    }
    if (p > 0) shares.push({ code, num: 100 * w, den: p });
  }
  shares.sort((a, b) => compareShares(a, b));
  const out = new Map<string, Rank>();
  shares.forEach((x, k) => {
    const before = k > 0 ? shares[k - 1]! : null;
    const position = before && compareShares(before, x) === 0 ? out.get(before.code)!.position : k + 1;
    out.set(x.code, { position, of: shares.length });
  });
  return out;
}
