/**
 * Measurements laid out for evaluation: per municipality, one dense series per (group, measure)
 * indexed by month. Built once per dataset, so re-evaluating with new parameters (a threshold
 * slider, a what-if) touches typed arrays only, never the raw rows.
 */
import {
  BENEFIT_GROUP_IDS,
  MEASURES,
  type BenefitGroupId,
  type Cell,
  type Measure,
  type Month,
} from "../domain/types.ts";
import type { Measurements } from "../domain/measurements.ts";
import { monthFromIndex, monthIndex } from "../domain/month.ts";
import { POW10 } from "../domain/columns.ts";
import { MUNICIPALITIES } from "../domain/municipalities.ts";

/** Values of one (municipality, group, measure) over the index's months; NaN / 0 = unknown. */
export interface Series {
  /** 1 where the input has a row for that month. */
  readonly present: Uint8Array;
  readonly population: Float64Array;
  readonly without: Float64Array;
  /** Published share as shareNum/shareDen; shareDen 0 when unknown. */
  readonly shareNum: Float64Array;
  readonly shareDen: Float64Array;
}

/** One month of one series, as the rules read it. */
export interface RowValues {
  readonly present: boolean;
  readonly population: number | null;
  readonly without: number | null;
  readonly share: { num: number; den: number } | null;
}

/**
 * A value derived from the measurements alone (never from parameters), such as a criterion's
 * figures. It is computed at most once per index and key, by a function of the index and the key
 * only, so the result never depends on which caller asked first. Keys are objects (a criterion
 * definition, a list of them) compared by identity.
 */
export interface Derivation<K extends object, T> {
  /** What is derived, for a reader of a heap snapshot. */
  readonly name: string;
  readonly derive: (index: MeasurementIndex, key: K) => T;
}

export function derivation<K extends object, T>(
  name: string,
  derive: (index: MeasurementIndex, key: K) => T,
): Derivation<K, T> {
  return { name, derive };
}

const ABSENT: RowValues = { present: false, population: null, without: null, share: null };
const SLOTS = BENEFIT_GROUP_IDS.length * MEASURES.length;

function slot(group: BenefitGroupId, measure: Measure): number {
  return BENEFIT_GROUP_IDS.indexOf(group) * MEASURES.length + MEASURES.indexOf(measure);
}

export class MeasurementIndex {
  /** Municipality codes present in the input, sorted. */
  readonly codes: readonly string[];
  /** Names as written in the input (informative). */
  readonly names: ReadonlyMap<string, string>;
  /** First and last month with any row; null when the input is empty. */
  readonly firstMonth: Month | null;
  readonly lastMonth: Month | null;
  /** Month index (year·12 + month−1) of array position 0 in every series. */
  readonly start: number;
  /** Number of months every series spans. */
  readonly length: number;
  private readonly bySeries: Map<string, (Series | undefined)[]>;
  private readonly rows: ReadonlyMap<string, number>;
  /** Per derivation, its values by key; the value type is the derivation's T (see memoize). */
  private readonly derived = new Map<object, WeakMap<object, unknown>>();

  constructor(measurements: Measurements) {
    const columns = measurements.columns;
    this.bySeries = new Map();
    this.names = measurements.names;
    if (columns) {
      // Built straight from the importer's typed columns: no Cell is materialised.
      const n = columns.length;
      const month = columns.month;
      let lo = Infinity;
      let hi = -Infinity;
      for (let r = 0; r < n; r++) {
        const i = month[r]!;
        if (i < lo) lo = i;
        if (i > hi) hi = i;
      }
      this.start = n ? lo : 0;
      this.length = n ? hi - lo + 1 : 0;
      this.firstMonth = n ? monthFromIndex(lo) : null;
      this.lastMonth = n ? monthFromIndex(hi) : null;
      const byCode: ((Series | undefined)[] | undefined)[] = [];
      const { code, group, measure, population, without, shareNum, shareExp } = columns;
      for (let r = 0; r < n; r++) {
        const ci = code[r]!;
        let slots = byCode[ci];
        if (!slots) slots = byCode[ci] = this.slotsOf(MUNICIPALITIES[ci]!.code);
        const e = shareExp[r]!;
        this.putValues(
          slots,
          group[r]! * MEASURES.length + measure[r]!,
          month[r]! - this.start,
          population[r]!,
          without[r]!,
          e < 0 ? 0 : shareNum[r]!,
          e < 0 ? 0 : POW10[e]!,
        );
      }
    } else {
      const cells = measurements.cells;
      let lo = Infinity;
      let hi = -Infinity;
      for (const c of cells) {
        const i = monthIndex(c.month);
        if (i < lo) lo = i;
        if (i > hi) hi = i;
      }
      this.start = cells.length ? lo : 0;
      this.length = cells.length ? hi - lo + 1 : 0;
      this.firstMonth = cells.length ? monthFromIndex(lo) : null;
      this.lastMonth = cells.length ? monthFromIndex(hi) : null;
      for (const c of cells) this.put(c);
    }
    this.codes = [...this.bySeries.keys()].sort();
    this.rows = new Map(this.codes.map((c, row) => [c, row]));
  }

  /** The position of a municipality in `codes`, or -1 when the input has none of its rows. */
  rowOf(code: string): number {
    return this.rows.get(code) ?? -1;
  }

  private slotsOf(code: string): (Series | undefined)[] {
    let slots = this.bySeries.get(code);
    if (!slots) {
      slots = new Array<Series | undefined>(SLOTS).fill(undefined);
      this.bySeries.set(code, slots);
    }
    return slots;
  }

  private put(c: Cell): void {
    this.putValues(
      this.slotsOf(c.municipalityCode),
      slot(c.benefitGroup, c.measure),
      monthIndex(c.month) - this.start,
      c.population === null ? NaN : c.population,
      c.without === null ? NaN : c.without,
      c.shareWithout === null ? 0 : c.shareWithout.num,
      c.shareWithout === null ? 0 : c.shareWithout.den,
    );
  }

  /** One row into its series; NaN counts and den 0 mean unknown. */
  private putValues(
    slots: (Series | undefined)[],
    k: number,
    i: number,
    population: number,
    without: number,
    shareNum: number,
    shareDen: number,
  ): void {
    let s = slots[k];
    if (!s) {
      const n = this.length;
      s = {
        present: new Uint8Array(n),
        population: new Float64Array(n).fill(NaN),
        without: new Float64Array(n).fill(NaN),
        shareNum: new Float64Array(n),
        shareDen: new Float64Array(n),
      };
      slots[k] = s;
    }
    s.present[i] = 1;
    if (!Number.isNaN(population)) s.population[i] = population;
    if (!Number.isNaN(without)) s.without[i] = without;
    if (shareDen !== 0) {
      s.shareNum[i] = shareNum;
      s.shareDen[i] = shareDen;
    }
  }

  /** The dense series of one (municipality, group, measure), or undefined when the input has none. */
  series(code: string, group: BenefitGroupId, measure: Measure): Series | undefined {
    return this.bySeries.get(code)?.[slot(group, measure)];
  }

  /** The value of `d` for `key`, derived on first use and then reused. */
  memoize<K extends object, T>(d: Derivation<K, T>, key: K): T {
    let byKey = this.derived.get(d);
    if (!byKey) this.derived.set(d, (byKey = new WeakMap()));
    if (byKey.has(key)) return byKey.get(key) as T;
    const value = d.derive(this, key);
    byKey.set(key, value);
    return value;
  }

  /** Array positions of `months` in every series; -1 for a month outside the data. */
  positionsOf(months: readonly Month[]): Int32Array {
    const out = new Int32Array(months.length);
    months.forEach((m, k) => {
      const i = monthIndex(m) - this.start;
      out[k] = i >= 0 && i < this.length ? i : -1;
    });
    return out;
  }

  /** Whether the input has a row for this series in any month (docs/rules.md §3.2 decision). */
  hasSeries(code: string, group: BenefitGroupId, measure: Measure): boolean {
    return this.bySeries.get(code)?.[slot(group, measure)] !== undefined;
  }

  /** The row of one month, or an absent row when the input has none. */
  row(code: string, group: BenefitGroupId, measure: Measure, month: Month): RowValues {
    const s = this.bySeries.get(code)?.[slot(group, measure)];
    if (!s) return ABSENT;
    const i = monthIndex(month) - this.start;
    if (i < 0 || i >= this.length || s.present[i] === 0) return ABSENT;
    const p = s.population[i]!;
    const w = s.without[i]!;
    const den = s.shareDen[i]!;
    return {
      present: true,
      population: Number.isNaN(p) ? null : p,
      without: Number.isNaN(w) ? null : w,
      share: den === 0 ? null : { num: s.shareNum[i]!, den },
    };
  }

  name(code: string): string | undefined {
    return this.names.get(code);
  }
}
