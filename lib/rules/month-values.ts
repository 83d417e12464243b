/**
 * The figures of one criterion, month by month (docs/rules.md §3.2): a group's own row, or the
 * aggregate of several groups — the `alle` row when the input has one, else ΣW / ΣP over the group
 * rows. Computed once per (municipality, criterion) over every month of the data, because they do
 * not depend on any parameter.
 */
import type { BenefitGroupId, Month } from "../domain/types.ts";
import { monthIndex } from "../domain/month.ts";
import { derivation, type MeasurementIndex, type Series } from "./measurement-index.ts";
import { shareRounded, type Share } from "./share.ts";
import type { MonthSource } from "./trace.ts";
import { isFed, type CriterionDefinition } from "./criteria.ts";

/** A month's figures before any limit is applied. */
export interface MonthFigures {
  readonly month: Month;
  readonly population: number | null;
  readonly without: number | null;
  readonly share: Share | null;
  readonly shareWithout: number | null;
  readonly source: MonthSource;
  readonly populationIsLowerBound: boolean;
  readonly groupsWithoutCounts: readonly BenefitGroupId[];
}

export const SOURCES: readonly MonthSource[] = ["none", "row", "alle-row", "sum", "partial-sum"];
// Codes into SOURCES; 0 ("none") is the zero-filled default of the typed array.
const [ROW, ALLE_ROW, SUM, PARTIAL_SUM] = [1, 2, 3, 4] as const;

/**
 * One criterion's figures over all months of the index. Unknown population/without are NaN; an
 * unknown share has shareDen 0. A share from counts is 100·W / P exactly; a published share is
 * used only where the counts are missing.
 */
export interface CriterionSeries {
  readonly population: Float64Array;
  readonly without: Float64Array;
  readonly shareNum: Float64Array;
  readonly shareDen: Float64Array;
  /** Index into SOURCES. */
  readonly source: Uint8Array;
  /** 1 where the population is only a lower bound (partial sums). */
  readonly lowerBound: Uint8Array;
  /** Groups whose row had no counts, by array position (rare, so sparse). */
  readonly groupsWithoutCounts: ReadonlyMap<number, readonly BenefitGroupId[]>;
}

/**
 * Room for `count` series of `n` months in one block per field, series after series, so that
 * evaluating a window over many municipalities reads memory in a steady stride instead of
 * hopping between thousands of small arrays (which made time grow faster than the data).
 */
function allocateSeries(count: number, n: number): (k: number) => CriterionSeries {
  const population = new Float64Array(count * n).fill(NaN);
  const without = new Float64Array(count * n).fill(NaN);
  const shareNum = new Float64Array(count * n);
  const shareDen = new Float64Array(count * n);
  const source = new Uint8Array(count * n);
  const lowerBound = new Uint8Array(count * n);
  return (k) => {
    const [from, to] = [k * n, (k + 1) * n];
    return {
      population: population.subarray(from, to),
      without: without.subarray(from, to),
      shareNum: shareNum.subarray(from, to),
      shareDen: shareDen.subarray(from, to),
      source: source.subarray(from, to),
      lowerBound: lowerBound.subarray(from, to),
      groupsWithoutCounts: new Map(),
    };
  };
}

/** Copies a row into the criterion series: counts give the exact share, else the published one. */
function copyRow(out: CriterionSeries, s: Series, i: number, source: number): void {
  const p = s.population[i]!;
  const w = s.without[i]!;
  out.population[i] = p;
  out.without[i] = w;
  out.source[i] = source;
  if (!Number.isNaN(p) && !Number.isNaN(w)) {
    if (p > 0) {
      out.shareNum[i] = 100 * w;
      out.shareDen[i] = p;
    }
  } else if (s.shareDen[i]! > 0) {
    out.shareNum[i] = s.shareNum[i]!;
    out.shareDen[i] = s.shareDen[i]!;
  }
}

function hasCountsAt(s: Series, i: number): boolean {
  return !Number.isNaN(s.population[i]!) && !Number.isNaN(s.without[i]!);
}

/** A single group's own row (per-group criteria, the 2020 model). */
function groupSeries(
  index: MeasurementIndex,
  code: string,
  group: BenefitGroupId,
  c: CriterionDefinition,
  out: CriterionSeries,
): CriterionSeries {
  const s = index.series(code, group, c.measure);
  if (s) for (let i = 0; i < index.length; i++) if (s.present[i]) copyRow(out, s, i, ROW);
  return out;
}

/**
 * The aggregate over the criterion's groups. The `alle` row is the aggregate (docs/rules.md §3.2) whenever
 * it carries any figure — a share, counts, or only a population (so a population of 9 still makes
 * the criterion not covered); (decision) a fully suppressed `alle` row falls back to summing the
 * groups, which loses nothing. Group rows absent from the input contribute nothing (no such persons); a present row
 * without counts makes the sum partial: its population is then only a lower bound, and the trace
 * names the groups.
 */
function aggregateSeries(
  index: MeasurementIndex,
  code: string,
  c: CriterionDefinition,
  out: CriterionSeries,
): CriterionSeries {
  const alle = index.series(code, "alle", c.measure);
  const groups = c.groups
    .map((g) => [g, index.series(code, g, c.measure)] as const)
    .filter((x): x is readonly [BenefitGroupId, Series] => x[1] !== undefined);
  const lacking = out.groupsWithoutCounts as Map<number, BenefitGroupId[]>;
  for (let i = 0; i < index.length; i++) {
    if (alle && alle.present[i] && (alle.shareDen[i]! > 0 || !Number.isNaN(alle.population[i]!))) {
      copyRow(out, alle, i, ALLE_ROW);
      continue;
    }
    let population = 0;
    let without = 0;
    let withCounts = 0;
    let missing: BenefitGroupId[] | null = null;
    for (const [g, s] of groups) {
      if (!s.present[i]) continue;
      if (hasCountsAt(s, i)) {
        population += s.population[i]!;
        without += s.without[i]!;
        withCounts++;
      } else (missing ??= []).push(g);
    }
    if (withCounts === 0) continue; // source stays 0 ("none")
    out.population[i] = population;
    out.without[i] = without;
    if (population > 0) {
      out.shareNum[i] = 100 * without;
      out.shareDen[i] = population;
    }
    out.source[i] = missing ? PARTIAL_SUM : SUM;
    if (missing) {
      out.lowerBound[i] = 1;
      lacking.set(i, missing);
    }
  }
  return out;
}

/** One criterion's figures for every municipality of an index. */
export interface CriterionBlock {
  /** By row of `index.codes`: 1 where the input feeds the criterion (docs/rules.md §3.2 decision). */
  readonly fed: Uint8Array;
  /** By row of `index.codes`: the figures over every month, views into one allocation. */
  readonly series: readonly CriterionSeries[];
}

function fillSeries(index: MeasurementIndex, code: string, c: CriterionDefinition, out: CriterionSeries) {
  return c.aggregate ? aggregateSeries(index, code, c, out) : groupSeries(index, code, c.groups[0]!, c, out);
}

/**
 * A criterion's figures for all municipalities at once, in one allocation (series after series,
 * so a sweep over the municipalities reads memory in a steady stride).
 */
const CRITERION_BLOCK = derivation<CriterionDefinition, CriterionBlock>("criterion series", (index, c) => {
  const room = allocateSeries(index.codes.length, index.length);
  return {
    fed: Uint8Array.from(index.codes, (code) => (isFed(index, code, c) ? 1 : 0)),
    series: index.codes.map((code, row) => fillSeries(index, code, c, room(row))),
  };
});

/** The criterion's figures for every municipality of the index, computed once and then reused. */
export function criterionBlock(index: MeasurementIndex, c: CriterionDefinition): CriterionBlock {
  return index.memoize(CRITERION_BLOCK, c);
}

/** The criterion's figures for one municipality over every month of the index. */
export function criterionSeries(index: MeasurementIndex, code: string, c: CriterionDefinition): CriterionSeries {
  const row = index.rowOf(code);
  return row < 0
    ? fillSeries(index, code, c, allocateSeries(1, index.length)(0))
    : criterionBlock(index, c).series[row]!;
}

/**
 * Per municipality of the index, the series of each criterion in `defs` that the input feeds
 * (null where none feeds it, docs/rules.md §3.2).
 */
export function fedCriterionSeries(
  index: MeasurementIndex,
  defs: readonly CriterionDefinition[],
): (CriterionSeries | null)[][] {
  const blocks = defs.map((c) => criterionBlock(index, c));
  return index.codes.map((_, row) => blocks.map((b) => (b.fed[row] ? b.series[row]! : null)));
}

/** The figures of one month as an object, for traces; months outside the data are `none`. */
export function monthFiguresAt(index: MeasurementIndex, s: CriterionSeries, month: Month): MonthFigures {
  const i = monthIndex(month) - index.start;
  return figuresAtPosition(s, i >= 0 && i < index.length ? i : -1, month);
}

/** A month with no figures at all (outside the data, or not yet published: docs/rules.md §3.6). */
export function unknownFigures(month: Month): MonthFigures {
  return {
    month,
    population: null,
    without: null,
    share: null,
    shareWithout: null,
    source: "none",
    populationIsLowerBound: false,
    groupsWithoutCounts: [],
  };
}

/** The figures at array position `i` (from MeasurementIndex.positionsOf; -1 = outside the data). */
export function figuresAtPosition(s: CriterionSeries, i: number, month: Month): MonthFigures {
  if (i < 0) return unknownFigures(month);
  const p = s.population[i]!;
  const w = s.without[i]!;
  const share = s.shareDen[i]! > 0 ? { num: s.shareNum[i]!, den: s.shareDen[i]! } : null;
  return {
    month,
    population: Number.isNaN(p) ? null : p,
    without: Number.isNaN(w) ? null : w,
    share,
    shareWithout: share ? shareRounded(share) : null,
    source: SOURCES[s.source[i]!]!,
    populationIsLowerBound: s.lowerBound[i] === 1,
    groupsWithoutCounts: s.groupsWithoutCounts.get(i) ?? [],
  };
}
