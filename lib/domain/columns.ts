/**
 * Measurements stored column by column in typed arrays (≈37 bytes a row instead of one `Cell`
 * object of ≈150 bytes), as the long-CSV importer produces them. A `Measurements` built here
 * keeps `cells` available as a lazily materialised, cached getter, so every consumer of `cells`
 * keeps working; code that knows about columns (the rules' MeasurementIndex, row counts) reads
 * them through `measurementColumns(m)` without materialising any cell.
 */
import { BENEFIT_GROUP_IDS, MEASURES, type Cell, type Decimal } from "./types.ts";
import type { InputIssue } from "./issues.ts";
import type { Measurements } from "./measurements.ts";
import { MUNICIPALITIES } from "./municipalities.ts";
import { monthFromIndex } from "./month.ts";

/** 10^k for the decimal exponents a share can have (parseDecimal keeps at most 15 digits). */
export const POW10: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** The exponent k of a Decimal's denominator 10^k, or -1 when `den` is not one of POW10. */
export function decimalExponent(den: number): number {
  return POW10.indexOf(den);
}

/**
 * Growable columns, one entry per row. Municipalities, benefit groups and measures are indexes
 * into MUNICIPALITIES, BENEFIT_GROUP_IDS and MEASURES; months are month indexes (year·12 + m−1).
 */
export class MeasurementColumns {
  /** Number of rows. */
  length = 0;
  /** Index into MUNICIPALITIES. */
  code: Uint8Array;
  /** Index into BENEFIT_GROUP_IDS. */
  group: Uint8Array;
  /** Index into MEASURES. */
  measure: Uint8Array;
  /** Month index (year·12 + month−1). */
  month: Int32Array;
  /** NaN when unknown. */
  population: Float64Array;
  /** NaN when unknown. */
  without: Float64Array;
  /** Numerator of the published share (share = shareNum / 10^shareExp). */
  shareNum: Float64Array;
  /** Decimal exponent of the share's denominator; -1 when the share is unknown. */
  shareExp: Int8Array;
  /** 1-based line of the row in its file (0 when unknown). */
  line: Int32Array;

  constructor(capacity = 1024) {
    const n = Math.max(16, Math.ceil(capacity));
    this.code = new Uint8Array(n);
    this.group = new Uint8Array(n);
    this.measure = new Uint8Array(n);
    this.month = new Int32Array(n);
    this.population = new Float64Array(n);
    this.without = new Float64Array(n);
    this.shareNum = new Float64Array(n);
    this.shareExp = new Int8Array(n);
    this.line = new Int32Array(n);
  }

  get capacity(): number {
    return this.code.length;
  }

  /** Makes room for at least `n` rows in total (no-op when there is room already). */
  reserve(n: number): void {
    if (n <= this.code.length) return;
    const grow = <T extends Uint8Array | Int8Array | Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a.subarray(0, this.length) as never);
      return b;
    };
    this.code = grow(this.code, (k) => new Uint8Array(k));
    this.group = grow(this.group, (k) => new Uint8Array(k));
    this.measure = grow(this.measure, (k) => new Uint8Array(k));
    this.month = grow(this.month, (k) => new Int32Array(k));
    this.population = grow(this.population, (k) => new Float64Array(k));
    this.without = grow(this.without, (k) => new Float64Array(k));
    this.shareNum = grow(this.shareNum, (k) => new Float64Array(k));
    this.shareExp = grow(this.shareExp, (k) => new Int8Array(k));
    this.line = grow(this.line, (k) => new Int32Array(k));
  }

  /** Appends a row; `population`/`without` NaN when unknown, `shareExp` -1 when the share is. */
  push(
    code: number,
    group: number,
    measure: number,
    month: number,
    population: number,
    without: number,
    shareNum: number,
    shareExp: number,
    line: number,
  ): void {
    const i = this.length;
    if (i === this.code.length) this.reserve(i * 2);
    this.code[i] = code;
    this.group[i] = group;
    this.measure[i] = measure;
    this.month[i] = month;
    this.population[i] = population;
    this.without[i] = without;
    this.shareNum[i] = shareNum;
    this.shareExp[i] = shareExp;
    this.line[i] = line;
    this.length = i + 1;
  }

  /** Row `i` as a Cell. */
  cell(i: number, monthText: (index: number) => string = monthFromIndex): Cell {
    const p = this.population[i]!;
    const w = this.without[i]!;
    const e = this.shareExp[i]!;
    const share: Decimal | null = e < 0 ? null : { num: this.shareNum[i]!, den: POW10[e]! };
    return {
      municipalityCode: MUNICIPALITIES[this.code[i]!]!.code,
      benefitGroup: BENEFIT_GROUP_IDS[this.group[i]!]!,
      measure: MEASURES[this.measure[i]!]!,
      month: monthText(this.month[i]!),
      population: Number.isNaN(p) ? null : p,
      without: Number.isNaN(w) ? null : w,
      shareWithout: share,
    };
  }

  /** Every row as a Cell, in order. */
  toCells(): Cell[] {
    const months = new Map<number, string>();
    const monthText = (k: number): string => {
      let s = months.get(k);
      if (s === undefined) months.set(k, (s = monthFromIndex(k)));
      return s;
    };
    const out = new Array<Cell>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.cell(i, monthText);
    return out;
  }
}

const COLUMNS = new WeakMap<Measurements, MeasurementColumns>();

/**
 * A Measurements backed by columns: `cells` is materialised on first access (and cached); the
 * columns stay reachable through measurementColumns().
 */
export function columnarMeasurements(
  columns: MeasurementColumns,
  names: ReadonlyMap<string, string>,
  warnings: readonly InputIssue[],
): Measurements {
  let cells: Cell[] | null = null;
  // `cells` first, as in a plain Measurements (redefining keeps the key order).
  const m: Measurements = { cells: [], names, warnings };
  Object.defineProperty(m, "cells", {
    enumerable: true,
    configurable: true,
    get: () => (cells ??= columns.toCells()),
  });
  COLUMNS.set(m, columns);
  return m;
}

/** The columns behind a Measurements made by columnarMeasurements(), or undefined. */
export function measurementColumns(m: Measurements): MeasurementColumns | undefined {
  return COLUMNS.get(m);
}

/** Number of cells, without materialising the cells of a columnar Measurements. */
export function measurementCount(m: Measurements): number {
  const c = COLUMNS.get(m);
  return c ? c.length : m.cells.length;
}
